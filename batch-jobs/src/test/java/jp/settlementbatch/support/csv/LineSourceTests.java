package jp.settlementbatch.support.csv;

import java.util.Random;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class LineSourceTests {

	@Test
	void findsTheFirstLineFeedAsAByteByByteScanDoes() {
		// given buffers of bytes close to a line feed (and zero, and high bytes), with a
		// line feed at any place or none, scanned from any start to any end
		byte[] near = { 0x0A, 0x0B, 0x09, 0x00, 0x01, (byte) 0x8A, (byte) 0x80, (byte) 0xFF, ',', 'a' };
		Random random = new Random(20261123);
		int found = 0;
		for (int round = 0; round < 20_000; round++) {
			byte[] bytes = new byte[random.nextInt(40)];
			for (int i = 0; i < bytes.length; i++) {
				bytes[i] = near[random.nextInt(near.length)];
			}
			int from = bytes.length == 0 ? 0 : random.nextInt(bytes.length + 1);
			int to = from + random.nextInt(bytes.length - from + 1);

			// then the first line feed in [from, to) is found, or none
			int expected = -1;
			for (int i = from; i < to; i++) {
				if (bytes[i] == '\n') {
					expected = i;
					break;
				}
			}
			assertThat(LineSource.lineFeed(bytes, from, to)).isEqualTo(expected);
			found += expected >= 0 ? 1 : 0;
		}
		assertThat(found).isBetween(5_000, 18_000);
	}

}

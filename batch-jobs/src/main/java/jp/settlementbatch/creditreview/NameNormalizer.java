package jp.settlementbatch.creditreview;

import java.text.Normalizer;

/**
 * How names are compared (credit-review.md): Unicode NFKC (which also turns half-width
 * katakana into full-width), hiragana to katakana, and no spaces (half- or full-width) or
 * middle dots ({@code ・}). Phones compare by their digits only.
 */
final class NameNormalizer {

	private NameNormalizer() {
	}

	static String name(String name) {
		if (name == null) {
			return null;
		}
		String nfkc = Normalizer.normalize(name, Normalizer.Form.NFKC);
		StringBuilder out = new StringBuilder(nfkc.length());
		for (int i = 0; i < nfkc.length(); i++) {
			char c = nfkc.charAt(i);
			if (Character.isWhitespace(c) || Character.isSpaceChar(c) || c == '・') {
				continue;
			}
			// Hiragana ぁ (U+3041) .. ゖ (U+3096) sit 0x60 below their katakana.
			out.append(c >= '\u3041' && c <= '\u3096' ? (char) (c + 0x60) : c);
		}
		return out.toString();
	}

	static String phone(String phone) {
		if (phone == null) {
			return null;
		}
		StringBuilder digits = new StringBuilder(phone.length());
		for (int i = 0; i < phone.length(); i++) {
			char c = phone.charAt(i);
			if (c >= '0' && c <= '9') {
				digits.append(c);
			}
		}
		return digits.toString();
	}

}

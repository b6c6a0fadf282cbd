package jp.settlementbatch.day;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;

import jp.settlementbatch.support.csv.PanGuard;

/**
 * The HTML of the day's page and the console's pages: the head with its one style block
 * and the policy that allows it, escaping (with card-number-like digit runs masked
 * again), yen and counts, the trend's bars.
 */
public final class Html {

	static final String STYLE = """
			body{font:15px/1.45 system-ui,sans-serif;margin:0 auto;max-width:78rem;padding:1rem 1.5rem;color:#1b1b1b;background:#fff}
			h1{font-size:1.6rem;margin:.2rem 0}h2{font-size:1.2rem;margin:1.6rem 0 .4rem;border-bottom:1px solid #ccc}
			table{border-collapse:collapse;width:100%;margin:.3rem 0 1rem}th,td{border-bottom:1px solid #e2e2e2;padding:.25rem .5rem;text-align:left;vertical-align:top}
			td.n,th.n{text-align:right;font-variant-numeric:tabular-nums}caption{text-align:left;font-weight:600;padding:.3rem 0}
			.verdict{font-size:1.15rem;padding:.7rem 1rem;border-radius:.3rem;border:2px solid}
			.ok{background:#e7f4ea;border-color:#1e6b34;color:#133f20}.warn{background:#fff4d6;border-color:#8a5a00;color:#4a3000}
			.bad{background:#fde8e8;border-color:#a11a1a;color:#5c0b0b}
			.pass{color:#1e6b34;font-weight:600}.fail{color:#a11a1a;font-weight:600}
			code,pre{font:13px/1.4 ui-monospace,monospace;background:#f3f3f3}pre{padding:.4rem .6rem;white-space:pre-wrap;word-break:break-all;margin:.2rem 0 .6rem}
			ol.attention li{margin-bottom:.6rem}nav a{margin-right:1rem}svg{display:block}.muted{color:#555}
			""";

	private Html() {
	}

	/**
	 * The page's head, with the policy that allows its one style block and nothing else.
	 */
	static String head(String title) {
		return "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
				+ "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
				+ "<meta http-equiv=\"Content-Security-Policy\" content=\"" + contentSecurityPolicy() + "\">\n<title>"
				+ escape(title) + "</title>\n<style>" + STYLE + "</style>\n</head>\n<body>\n";
	}

	/** A whole page of the console: the report's head and style around {@code body}. */
	public static String document(String title, String body) {
		return head(title) + body + "\n</body>\n</html>\n";
	}

	/**
	 * No script at all, no connection, no frame, no form; the one inline style block by
	 * its hash; images only inline. (A page served over HTTP adds
	 * {@code frame-ancestors}, which a meta element cannot carry.)
	 */
	public static String contentSecurityPolicy() {
		return "default-src 'none'; script-src 'none'; style-src '" + styleHash()
				+ "'; img-src data:; base-uri 'none'; form-action 'none'";
	}

	static String styleHash() {
		try {
			return "sha256-" + Base64.getEncoder()
				.encodeToString(MessageDigest.getInstance("SHA-256").digest(STYLE.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	static String latest(List<Double> values, String format) {
		Double last = values.get(values.size() - 1);
		return last == null ? "" : String.format(format, last);
	}

	static String bars(List<Double> values, String label) {
		double max = values.stream().filter(v -> v != null).mapToDouble(Double::doubleValue).max().orElse(0);
		StringBuilder svg = new StringBuilder("<svg width=\"" + values.size() * 9 + "\" height=\"24\" role=\"img\""
				+ " aria-label=\"" + escape(label) + "\">");
		for (int i = 0; i < values.size(); i++) {
			Double value = values.get(i);
			double height = value == null || max == 0 ? 0 : Math.max(value / max * 22, 1);
			svg.append(String.format("<rect x=\"%d\" y=\"%.1f\" width=\"7\" height=\"%.1f\" fill=\"#2f5d8a\"/>", i * 9,
					24 - height, height));
		}
		return svg.append("</svg>").toString();
	}

	static String check(boolean passed) {
		return passed ? "<td class=\"pass\">✓ balanced</td>" : "<td class=\"fail\">✗ does not balance</td>";
	}

	static String part(JsonNode part) {
		if (part.isMissingNode() || part.isNull()) {
			return "";
		}
		return count(part.path("lines").asLong()) + " lines<br>" + yen(part.path("amount"));
	}

	static String count(long value) {
		return String.format("%,d", value);
	}

	static String yen(JsonNode amount) {
		if (amount.isMissingNode() || amount.isNull()) {
			return "";
		}
		BigDecimal value = amount.decimalValue().stripTrailingZeros();
		String digits = value.scale() <= 0 ? String.format("%,d", value.abs().toBigInteger())
				: String.format("%,." + value.scale() + "f", value.abs());
		return (value.signum() < 0 ? "−¥" : "¥") + digits;
	}

	/** HTML text and attribute values alike; card-number-like digit runs masked again. */
	public static String escape(String value) {
		if (value == null) {
			return "";
		}
		String masked = PanGuard.mask(value);
		StringBuilder out = new StringBuilder(masked.length() + 16);
		for (int i = 0; i < masked.length(); i++) {
			char c = masked.charAt(i);
			switch (c) {
				case '<' -> out.append("&lt;");
				case '>' -> out.append("&gt;");
				case '&' -> out.append("&amp;");
				case '"' -> out.append("&quot;");
				case '\'' -> out.append("&#39;");
				default -> out.append(c);
			}
		}
		return out.toString();
	}

}

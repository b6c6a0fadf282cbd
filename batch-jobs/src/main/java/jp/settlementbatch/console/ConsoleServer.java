package jp.settlementbatch.console;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Executors;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import jp.settlementbatch.day.Html;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The console's HTTP server: loopback only, GET only, every answer a whole page with the
 * same Content-Security-Policy as the report file (no script at all).
 */
public final class ConsoleServer implements AutoCloseable {

	private static final Logger log = LoggerFactory.getLogger(ConsoleServer.class);

	private final HttpServer server;

	private ConsoleServer(HttpServer server) {
		this.server = server;
	}

	/** Starts serving {@code pages} on 127.0.0.1:{@code port} (0: any free port). */
	public static ConsoleServer start(ConsolePages pages, int port) throws IOException {
		HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 0);
		server.setExecutor(Executors.newFixedThreadPool(2));
		server.createContext("/", exchange -> answer(exchange, pages));
		server.start();
		return new ConsoleServer(server);
	}

	public int port() {
		return this.server.getAddress().getPort();
	}

	private static void answer(HttpExchange exchange, ConsolePages pages) throws IOException {
		try (exchange) {
			ConsolePages.Page page;
			if (!"GET".equals(exchange.getRequestMethod()) && !"HEAD".equals(exchange.getRequestMethod())) {
				exchange.getResponseHeaders().set("Allow", "GET, HEAD");
				page = ConsolePages.Page.of(405, "Read-only",
						"<p>The console changes nothing: it answers GET only.</p>");
			}
			else {
				try {
					page = pages.page(exchange.getRequestURI().getPath());
				}
				catch (RuntimeException ex) {
					log.atError()
						.addKeyValue("event", "console_failed")
						.log("The console could not answer " + exchange.getRequestURI().getPath() + ": " + ex);
					page = ConsolePages.Page.of(500, "Not answered", "<p>The console could not read this: "
							+ Html.escape(String.valueOf(ex.getMessage())) + "</p>");
				}
			}
			byte[] body = page.html().getBytes(StandardCharsets.UTF_8);
			exchange.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
			exchange.getResponseHeaders()
				.set("Content-Security-Policy", Html.contentSecurityPolicy() + "; frame-ancestors 'none'");
			exchange.getResponseHeaders().set("X-Content-Type-Options", "nosniff");
			exchange.getResponseHeaders().set("Referrer-Policy", "no-referrer");
			exchange.getResponseHeaders().set("Cache-Control", "no-store");
			boolean head = "HEAD".equals(exchange.getRequestMethod());
			exchange.sendResponseHeaders(page.status(), head ? -1 : body.length);
			if (!head) {
				try (OutputStream out = exchange.getResponseBody()) {
					out.write(body);
				}
			}
		}
	}

	@Override
	public void close() {
		this.server.stop(0);
		((java.util.concurrent.ExecutorService) this.server.getExecutor()).shutdownNow();
	}

}

package jp.settlementbatch.cli;

import picocli.CommandLine.Option;

/** Options every command that talks to the database accepts. */
public class CommonOptions {

	@Option(names = "--db-url", description = "JDBC URL of the PostgreSQL to use (default: SPRING_DATASOURCE_URL, "
			+ "else the embedded PostgreSQL under .settlement-batch/).")
	String dbUrl;

	@Option(names = "--log-format", defaultValue = "auto",
			description = "text, json, or auto (json when the output is not a terminal). Default: ${DEFAULT-VALUE}.")
	String logFormat;

	@Option(names = "--home", defaultValue = "${env:SETTLEMENT_HOME:-.settlement-batch}",
			description = "Folder of the embedded database. Default: ${DEFAULT-VALUE}.")
	String home;

	boolean json() {
		return "json".equals(this.logFormat) || ("auto".equals(this.logFormat) && System.console() == null);
	}

}

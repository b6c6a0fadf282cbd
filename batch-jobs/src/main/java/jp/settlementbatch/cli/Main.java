package jp.settlementbatch.cli;

/** The jar's entry point: the command line ({@link SettlementBatchCommand}). */
public final class Main {

	private Main() {
	}

	public static void main(String[] args) {
		System.exit(SettlementBatchCommand.execute(args));
	}

}

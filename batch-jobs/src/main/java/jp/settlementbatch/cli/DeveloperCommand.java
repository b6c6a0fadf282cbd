package jp.settlementbatch.cli;

/**
 * A command of the lab ({@code src/lab}: {@code bench}, {@code generate}), found with
 * {@link java.util.ServiceLoader} when the jar was built with it: developers' jars have
 * it, the product jar ({@code -Dproduct}) does not.
 */
public interface DeveloperCommand {

}

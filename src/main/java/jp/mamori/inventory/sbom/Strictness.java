package jp.mamori.inventory.sbom;

/**
 * What a schema problem does to an SBOM (issue 13, defect 4).
 *
 * <p>{@link #LENIENT}: every problem is reported with its place (JSON pointer, XML line/column) and the
 * document is imported with warnings, as long as it can be read safely — well-formed, within the limits,
 * a components list whose entries bind. Officers receive SBOMs from many tools and cannot fix them.
 * {@link #STRICT}: any schema problem refuses the document (the behaviour before issue 13; chosen with
 * {@code --strict} or the organisation's setting).
 */
public enum Strictness { STRICT, LENIENT }

package jp.mamori.advisory.index;

/**
 * The compiled match index file (ADR 0015). Little-endian throughout.
 *
 * <pre>
 * header (96 bytes)
 *   0  magic "MAMORIMX"
 *   8  int  format version
 *  12  int  CRC-32C of bytes [16, end of file)
 *  16  long knowledge base generation the index was built from
 *  24  long file length
 *  32  int  offset of the string pool
 *  36  int  offset of the statements
 *  40  int  offset of the package keys
 *  44  int  offset of the CPE keys
 *  48  long, long  knowledge base instance id (UUID)
 *  64  int  offset of the vulnerability facts
 *  68  int  offset of the statement counts per source
 *  72  int  offset of the statement identities
 *  76  int  0 (reserved)
 *  80  16 bytes  the code that built the file ({@link BuilderIdentity}): parts of the file are reused
 *               by the next build only when it runs the same code
 * string pool:  int n; int[n+1] offsets into the data; UTF-8 data          (id 0 is "no string")
 * statements:   int n; int[n+1] offsets into the data; encoded statements   (by vulnerability, source, document:
 *               the order the database reads them in)
 * keys:         int n; int postings; int[n+1] key offsets; int[n+1] posting offsets; int[postings]; UTF-8 keys (sorted)
 * facts:        int n; int[n+1] id offsets; int[n] fact offsets; int data length; UTF-8 ids (sorted); encoded facts
 * sources:      int n; n times: int key length, UTF-8 source key, long statements, long newest modified (epoch
 *               seconds, Long.MIN_VALUE for none), int its nanoseconds            (sorted by key)
 * identities:   int n; n times: long database id, 16 bytes: the first half of the statement's
 *               content_hash (SHA-256 of its stored JSON)                   (in the order of the statements)
 * </pre>
 *
 * A statement is the part of a stored statement the match engine reads, as varints: string ids for
 * vulnerability, source and document; then configurations (operator, negate, nodes (operator,
 * negate, matches (vulnerable, criteria, four bounds))), CPE names, and affected packages
 * (ecosystem, name, purl, ranges (type, events (kind, version)), versions). Postings are in database
 * id order, the order the database lookup returns them in.
 *
 * The facts of a vulnerability are the part of its merged record that comes from its live statements
 * and that triage reads: aliases, CVSS scores, references with tags, who says it is exploited.
 *
 * The statement counts per source cover every stored statement, withdrawn ones too, as the feed
 * status counts them: a scan's freshness check reads them instead of scanning the statements table.
 *
 * The identities let the next build reuse this file (ADR 0025): a statement whose row has the same id
 * and content hash is the same JSON, so its encoding and, when all of a vulnerability's live
 * statements are the same ones, its facts are taken from here instead of parsing the JSON again.
 */
final class MatchIndexFormat {

    static final byte[] MAGIC = {'M', 'A', 'M', 'O', 'R', 'I', 'M', 'X'};
    static final int VERSION = 4;
    static final int HEADER = 96;
    static final int CRC_FROM = 16;
    /** Bytes of a statement's content hash kept in the file. */
    static final int HASH_BYTES = 16;
    static final int BUILDER_AT = 80;
    static final int BUILDER_BYTES = 16;

    private MatchIndexFormat() { }
}

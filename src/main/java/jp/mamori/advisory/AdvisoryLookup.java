package jp.mamori.advisory;

import java.util.List;
import jp.mamori.advisory.Advisory;

/** Finds the live statements that can touch a package or a CPE product (the knowledge base's index). */
public interface AdvisoryLookup {

    /** Statements with an affected package under this key ({@code PurlKey} ecosystem and name). */
    List<Advisory> byPackage(String ecosystem, String name);

    /** Statements with a CPE criterion or name under this {@code CpeKey} ("part:vendor:product"). */
    List<Advisory> byCpeKey(String cpeKey);

    /**
     * True when answering reads no database and may be asked from several threads at once (the
     * compiled match index). A database's unit of work is bound to the thread that began it, so a
     * lookup that queries must be asked on the caller's thread only: then matching stays sequential.
     */
    default boolean readsNoDatabase() {
        return false;
    }
}

package jp.mamori.advisory.store;

/** What one import changed; printed after every document and summed over a run. */
public final class ImportStats {
    public long inserted;
    public long updated;
    public long unchanged;
    public long olderIgnored;
    public long kev;
    public long epss;
    public long vex;

    public void add(ImportStats o) {
        inserted += o.inserted;
        updated += o.updated;
        unchanged += o.unchanged;
        olderIgnored += o.olderIgnored;
        kev += o.kev;
        epss += o.epss;
        vex += o.vex;
    }

    public long records() {
        return inserted + updated + unchanged + olderIgnored + kev + epss + vex;
    }

    public long changes() {
        return inserted + updated;
    }

    /** The counts as audit-detail fields (records_new=16 records_updated=0 …); zero extras left out. */
    public String auditFields() {
        StringBuilder sb = new StringBuilder();
        sb.append("records_new=").append(inserted).append(" records_updated=").append(updated).append(" records_unchanged=").append(unchanged);
        if (olderIgnored > 0) sb.append(" records_older_ignored=").append(olderIgnored);
        if (kev > 0) sb.append(" kev=").append(kev);
        if (epss > 0) sb.append(" epss=").append(epss);
        if (vex > 0) sb.append(" vex=").append(vex);
        return sb.toString();
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder();
        sb.append("新規 ").append(inserted).append(" / 更新 ").append(updated).append(" / 変更なし ").append(unchanged);
        if (olderIgnored > 0) sb.append(" / 古い記述を無視 ").append(olderIgnored);
        if (kev > 0) sb.append(" / KEV ").append(kev);
        if (epss > 0) sb.append(" / EPSS ").append(epss);
        if (vex > 0) sb.append(" / VEX ").append(vex);
        sb.append("  (new ").append(inserted).append(", updated ").append(updated).append(", unchanged ").append(unchanged);
        if (olderIgnored > 0) sb.append(", older ignored ").append(olderIgnored);
        sb.append(')');
        return sb.toString();
    }
}

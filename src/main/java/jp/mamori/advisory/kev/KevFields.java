package jp.mamori.advisory.kev;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import jp.mamori.advisory.FeedFormatException;
import jp.mamori.advisory.KevEntry;

/**
 * Builds a {@link KevEntry} from the catalogue's named fields, which are the same in the JSON and
 * the CSV form. Fields CISA adds later (such as {@code cwes}) are ignored.
 */
final class KevFields {
    /** Field lookup: JSON object or CSV row by header name. */
    interface Source {
        String get(String name);
    }

    /** Builds the error for a field, with the place in the file. */
    interface Errors {
        FeedFormatException at(String field, String message);
    }

    private KevFields() { }

    static KevEntry entry(Source f, Errors errors) throws FeedFormatException {
        String cve = f.get("cveID");
        if (cve == null || !cve.regionMatches(true, 0, "CVE-", 0, 4)) {
            throw errors.at("cveID", "KEV entry without a CVE id (cveID is " + (cve == null ? "missing" : "'" + cve + "'") + ")");
        }
        LocalDate added = date(f, "dateAdded", errors);
        if (added == null) throw errors.at("dateAdded", "KEV entry " + cve + " without dateAdded");
        return new KevEntry(cve, f.get("vendorProject"), f.get("product"), f.get("vulnerabilityName"),
                added, date(f, "dueDate", errors), f.get("shortDescription"), f.get("requiredAction"),
                f.get("knownRansomwareCampaignUse"), f.get("notes"));
    }

    private static LocalDate date(Source f, String field, Errors errors) throws FeedFormatException {
        String s = f.get(field);
        if (s == null) return null;
        try {
            return LocalDate.parse(s);
        } catch (DateTimeParseException e) {
            throw errors.at(field, field + " is not a date (YYYY-MM-DD): '" + s + "'");
        }
    }
}

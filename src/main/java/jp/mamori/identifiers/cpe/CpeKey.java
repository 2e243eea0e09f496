package jp.mamori.identifiers.cpe;

import java.util.Locale;

/**
 * Index key of a CPE name: part, vendor and product, lowercase and unescaped
 * ({@code o:citrix:application_delivery_controller_firmware}). Criteria and assets with the same key
 * are the only ones worth comparing further.
 */
public record CpeKey(String part, String vendor, String product) {

    public CpeKey {
        part = normalise(part);
        vendor = normalise(vendor);
        product = normalise(product);
    }

    public static CpeKey of(Cpe23 cpe) {
        return new CpeKey(cpe.part(), cpe.vendor(), cpe.product());
    }

    /** @throws CpeFormatException when the string is not a CPE name */
    public static CpeKey parse(String cpe) {
        return of(Cpe23.parse(cpe));
    }

    private static String normalise(String value) {
        return value == null ? Cpe23.ANY : value.trim().toLowerCase(Locale.ROOT);
    }

    @Override
    public String toString() {
        return part + ":" + vendor + ":" + product;
    }
}

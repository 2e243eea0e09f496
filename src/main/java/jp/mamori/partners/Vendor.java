package jp.mamori.partners;

import java.time.LocalDate;

/**
 * 事業者: a vendor of one organisation. IR partners are vendors of kind {@link VendorKind#IR} with
 * their service-list registration, call order and NDA.
 *
 * @param hotline the 24-hour line (24時間窓口)
 */
public record Vendor(long id, long organizationId, String name, String corporateNumber, VendorKind kind,
                     String contactPerson, String phone, String email, String hotline,
                     ServiceCategory serviceCategory, String registrationNumber, LocalDate registrationValidUntil, Integer callOrder,
                     LocalDate ndaSigned, LocalDate ndaExpires, String ndaSha256) {

    public boolean ir() {
        return kind == VendorKind.IR;
    }

    /** The NDA as the contact page and the report state it. */
    public String ndaState(LocalDate today) {
        if (ndaSigned == null) return "NDA未締結 / no NDA";
        if (ndaExpires != null && ndaExpires.isBefore(today)) return "NDA期限切れ " + ndaExpires + " / NDA expired";
        if (ndaExpires != null && !ndaExpires.isAfter(today.plusDays(60))) return "NDA締結済み（" + ndaExpires + " 期限間近） / NDA expires soon";
        return "NDA締結済み" + (ndaExpires == null ? "" : "（" + ndaExpires + " まで）") + " / NDA signed";
    }
}

package jp.mamori.partners;

import java.time.LocalDate;

/**
 * One line of the incident contact list: whom to call, in order, with the 24-hour line, NDA state and last
 * configuration share — when the next one is due, and {@code shareDue} when it is due now (the boundary devices
 * changed after it, or its date has passed), so that whoever calls knows the partner's copy may be stale.
 */
public record Contact(int order, String role, String vendorName, String person, String phone, String hotline, String email,
                      String ndaState, LocalDate lastShare, String lastShareSha256, LocalDate nextShareDue, boolean shareDueNow, String shareDue,
                      String note) { }

package jp.mamori.partners;

import java.time.LocalDate;

/** One line of the incident contact list: whom to call, in order, with the 24-hour line, NDA state and last configuration share. */
public record Contact(int order, String role, String vendorName, String person, String phone, String hotline, String email,
                      String ndaState, LocalDate lastShare, String lastShareSha256, String note) { }

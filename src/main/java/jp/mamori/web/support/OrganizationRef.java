package jp.mamori.web.support;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import jp.mamori.inventory.Organization;

/** The organisation an API answer is about, as {@code {"id", "code", "name"}}. */
@JsonPropertyOrder({"id", "code", "name"})
public record OrganizationRef(long id, String code, String name) {

    public static OrganizationRef of(Organization o) {
        return o == null ? null : new OrganizationRef(o.id(), o.code(), o.name());
    }
}

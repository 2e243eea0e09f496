package jp.mamori.security;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;
import jp.mamori.app.Actor;
import jp.mamori.app.InvalidInputException;
import jp.mamori.app.Mamori;
import jp.mamori.inventory.InventoryException;
import jp.mamori.inventory.Organization;

/**
 * 団体の作成 (tenant administration, issue 17): an organisation and its first security officer, in
 * one unit of work. Either both are stored with their audit entries, or — when either step is
 * refused (a code in use, a user name taken or not of the allowed shape) — nothing is: no
 * organisation without its officer, no audit entry of a creation that did not happen.
 */
public final class CreateTenant {

    /** What was created; the one-time password is shown once and stored nowhere in clear. */
    @JsonPropertyOrder({"organization", "officer", "oneTimePassword"})
    public record Created(Organization organization, String officer, String oneTimePassword) { }

    private final Mamori mamori;
    private final UserStore users;

    CreateTenant(Mamori mamori, UserStore users) {
        this.mamori = mamori;
        this.users = users;
    }

    /** Refused input is an {@link InvalidInputException} with the Japanese / English message; nothing is written then. */
    public Created run(Actor actor, String code, String name, String kind, String officer) {
        if (blank(code) || blank(name) || blank(officer)) {
            throw new InvalidInputException("団体コード、名称、最初の情報セキュリティ担当のユーザー名が必要です / code, name and the first security officer's user name are required");
        }
        String k = blank(kind) ? "municipality" : kind.strip();
        if (!List.of("municipality", "prefecture").contains(k)) throw new InvalidInputException("種別は municipality か prefecture です / kind: municipality | prefecture");
        return mamori.database().inUnitOfWork(c -> {
            if (users.find(officer.strip()).isPresent()) throw new InvalidInputException("ユーザー名は使用中です / the user name is taken");
            Organization org;
            try {
                org = mamori.createOrganization().run(actor, code.strip(), name.strip(), k);
            } catch (InventoryException | IllegalArgumentException e) {
                throw new InvalidInputException(e.getMessage(), e);
            }
            UserStore.Created u;
            try {
                u = users.create(new UserStore.NewUser(officer.strip(), null, Role.SECURITY_OFFICER, org.id(), null, null, false), actor.auditName());
            } catch (AccountException | IllegalArgumentException e) {
                throw new InvalidInputException("担当者を作成できないため、団体も作成していません / the officer could not be created, so neither was the organisation: "
                        + e.getMessage(), e);
            }
            return new Created(org, u.user().username(), u.oneTimePassword());
        });
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}

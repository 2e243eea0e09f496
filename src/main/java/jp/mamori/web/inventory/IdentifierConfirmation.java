package jp.mamori.web.inventory;

import java.util.Locale;
import jp.mamori.app.Actor;
import jp.mamori.app.InvalidInputException;
import jp.mamori.app.Mamori;
import jp.mamori.app.inventory.ConfirmIdentifier;
import jp.mamori.inventory.InventoryException;
import jp.mamori.inventory.SbomStore;
import jp.mamori.security.AccessScope;
import jp.mamori.security.Role;
import jp.mamori.web.support.BadRequestException;
import jp.mamori.web.support.ForbiddenException;

/**
 * The web page's and the API's way into {@link ConfirmIdentifier} (issue 13 defect 5): the caller must see the
 * SBOM (else 404, as for one that does not exist — the controller reads it first), be the organisation's
 * security officer (else 403, like confirming a held SBOM), write its asset, and name a row of the asset's
 * current SBOM.
 */
@org.springframework.stereotype.Component
public class IdentifierConfirmation {

    private final Mamori mamori;
    private final SbomUpload upload;

    public IdentifierConfirmation(Mamori mamori, SbomUpload upload) {
        this.mamori = mamori;
        this.upload = upload;
    }

    public static boolean allowed(AccessScope scope) {
        return scope.role() == Role.SECURITY_OFFICER && !scope.readOnly();
    }

    /**
     * The organisation's decisions, the latest first, for its security officer (also one signed in read-only): they
     * are organisation-wide, so a vendor or a system's staff who may see one SBOM does not see them.
     */
    public java.util.List<jp.mamori.inventory.IdentifierConfirmationStore.Listed> decisions(AccessScope scope, long orgId) {
        if (scope.role() != Role.SECURITY_OFFICER) return java.util.List.of();
        return mamori.identifierConfirmations().list(orgId);
    }

    public ConfirmIdentifier.Result confirm(AccessScope scope, long orgId, SbomStore.StoredSbom sbom, String ref, String verdict,
                                            String purl, String cpe, boolean api) {
        if (!allowed(scope)) {
            throw new ForbiddenException("識別子を確認・却下できるのは情報セキュリティ担当のみです / only the security officer confirms or rejects identifiers");
        }
        upload.requireWritable(scope, orgId, sbom.assetId());
        if (!sbom.current()) {
            throw new BadRequestException("現行のSBOMではありません。識別子は資産の現行のSBOMで確認します / not the asset's current SBOM; "
                    + "identifiers are confirmed on the current one");
        }
        ConfirmIdentifier.Verdict v = switch (verdict == null ? "" : verdict.strip().toLowerCase(Locale.ROOT)) {
            case "confirm" -> ConfirmIdentifier.Verdict.CONFIRM;
            case "reject" -> ConfirmIdentifier.Verdict.REJECT;
            default -> throw new BadRequestException("verdict は confirm か reject です / verdict: confirm or reject");
        };
        try {
            return mamori.confirmIdentifier().run(Actor.web(scope.username(), api, true), orgId,
                    new ConfirmIdentifier.Input(sbom.assetId(), ref, v, purl, cpe));
        } catch (InvalidInputException | InventoryException e) {
            throw new BadRequestException(e.getMessage(), e);
        }
    }
}

package jp.mamori.cli;

import java.util.List;
import jp.mamori.inventory.InventoryRepository;
import jp.mamori.inventory.Organization;
import picocli.CommandLine.Option;

/**
 * {@code --org CODE}; may be left out when the database holds exactly one organisation, or when a
 * default is set (the demo sets its municipality 守里市, beside which it creates a town and a prefecture).
 */
public class OrgOption {

    @Option(names = "--org", paramLabel = "CODE", description = "団体コード / organisation code (optional when there is only one, or a default is set)")
    String code;

    /** An optional {@code --org CODE} of a command over the whole instance: its id, null when not given, refused when unknown. */
    static Long idOf(InventoryRepository repo, String code) {
        return code == null ? null : repo.findOrganization(code).map(Organization::id)
                .orElseThrow(() -> new BadInputException("団体が見つかりません / no organisation with code '" + code + "'"));
    }

    public Organization resolve(InventoryRepository repo) {
        if (code != null) {
            return repo.findOrganization(code).orElseThrow(() -> new BadInputException("団体が見つかりません / no organisation with code '" + code + "'"));
        }
        List<Organization> all = repo.listOrganizations();
        if (all.size() == 1) return all.get(0);
        if (all.size() > 1) {
            java.util.Optional<Organization> chosen = repo.defaultOrganization();
            if (chosen.isPresent()) return chosen.get();
        }
        if (all.isEmpty()) throw new BadInputException("団体がありません。先に `mamori org create` を実行してください / no organisation yet: run `mamori org create` first");
        throw new BadInputException("--org を指定してください / several organisations exist: give --org CODE");
    }
}

package jp.mamori.partners;

import static org.assertj.core.api.Assertions.assertThat;

import jp.mamori.app.Mamori;
import jp.mamori.inventory.Asset;
import jp.mamori.inventory.AssetKind;
import jp.mamori.inventory.Exposure;
import jp.mamori.inventory.InventoryRepository.NewAsset;
import jp.mamori.testsupport.TestDatabases.Kind;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A configuration share is due again after any boundary-device change (issue 14): the readiness
 * report's 構成情報の定期共有 row turns amber, naming the change, as soon as a boundary device is
 * upgraded or added after the share — well inside the 180 days — and green again once the partner
 * has the new configuration; a change to an inside server does not make it due. On H2 and PostgreSQL.
 */
class ShareDueAfterBoundaryChangeTest {

    static ReadinessReport.Row shareRow(Mamori m, long org) {
        return m.partners().readiness(org, "100001", "試験市", m.today()).row("config-share");
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void aBoundaryDeviceChangedAfterTheShareMakesTheShareDueAgain(Kind kind) throws Exception {
        try (PartnersStoreTest.World w = PartnersStoreTest.world(kind)) {
            Mamori m = w.m();
            long org = w.org().id();
            m.saveVendor().run(PartnersStoreTest.OFFICER, org, new VendorStore.Input("E社", null, VendorKind.IR, "鈴木", null, null, "0120-000-119",
                    ServiceCategory.FORENSICS, "DF-1", m.today().plusYears(1), 1));
            m.shareConfiguration().run(PartnersStoreTest.OFFICER, org, "E社", null, m.today().minusDays(30));
            assertThat(shareRow(m, org).status()).as("shared 30 days ago, nothing changed").isEqualTo(Status.GREEN);

            // an inside server: not a boundary device, the share stays current
            long system = m.inventory().systems().list(org).get(0).id();
            m.createAsset().run(PartnersStoreTest.OFFICER, org, system, new NewAsset("ap-01", "業務サーバ", AssetKind.SERVER, null, null, null, null,
                    Exposure.CONTROLLED, false, null));
            assertThat(shareRow(m, org).status()).isEqualTo(Status.GREEN);

            // the gateway upgraded: due now
            Asset gw = m.inventory().listAssets(org).stream().filter(a -> a.code().equals("gw")).findFirst().orElseThrow();
            m.inventory().updateAsset(org, gw.id(), system, new NewAsset("gw", "VPNゲートウェイ", AssetKind.NETWORK_APPLIANCE, "Citrix", "NetScaler", "14.1",
                    null, Exposure.OPEN, true, "A社"));
            ReadinessReport.Row due = shareRow(m, org);
            assertThat(due.status()).isEqualTo(Status.AMBER);
            assertThat(due.evidence()).anyMatch(e -> e.startsWith("E社: 最終共有 " + m.today().minusDays(30)) && e.contains("今すぐ（共有後に境界装置が変更されました）"));

            // shared again: current
            m.shareConfiguration().run(PartnersStoreTest.OFFICER, org, "E社", null, null);
            assertThat(shareRow(m, org).status()).isEqualTo(Status.GREEN);
            assertThat(shareRow(m, org).evidence()).noneMatch(e -> e.contains("境界装置が変更"));

            // a boundary device added: due again
            m.createAsset().run(PartnersStoreTest.OFFICER, org, system, new NewAsset("fw-01", "ファイアウォール", AssetKind.NETWORK_APPLIANCE, null, null, null, null,
                    Exposure.OPEN, true, null));
            assertThat(shareRow(m, org).status()).isEqualTo(Status.AMBER);
        }
    }
}

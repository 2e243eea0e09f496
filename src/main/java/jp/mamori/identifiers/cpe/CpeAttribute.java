package jp.mamori.identifiers.cpe;

import java.util.function.Function;
import us.springett.parsers.cpe.Cpe;

/** The eleven attributes of a CPE 2.3 name, in order, with their well-formed (escaped) value. */
public enum CpeAttribute {
    PART(c -> c.getPart().getAbbreviation()),
    VENDOR(Cpe::getWellFormedVendor),
    PRODUCT(Cpe::getWellFormedProduct),
    VERSION(Cpe::getWellFormedVersion),
    UPDATE(Cpe::getWellFormedUpdate),
    EDITION(Cpe::getWellFormedEdition),
    LANGUAGE(Cpe::getWellFormedLanguage),
    SW_EDITION(Cpe::getWellFormedSwEdition),
    TARGET_SW(Cpe::getWellFormedTargetSw),
    TARGET_HW(Cpe::getWellFormedTargetHw),
    OTHER(Cpe::getWellFormedOther);

    private final Function<Cpe, String> wellFormed;

    CpeAttribute(Function<Cpe, String> wellFormed) {
        this.wellFormed = wellFormed;
    }

    String wellFormed(Cpe cpe) {
        return wellFormed.apply(cpe);
    }
}

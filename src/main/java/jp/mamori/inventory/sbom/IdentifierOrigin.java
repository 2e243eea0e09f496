package jp.mamori.inventory.sbom;

/** Whether an identifier came with the SBOM or was suggested by Mamori. */
public enum IdentifierOrigin { DECLARED, SUGGESTED, CONFIRMED }

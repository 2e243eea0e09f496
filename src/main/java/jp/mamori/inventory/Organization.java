package jp.mamori.inventory;

/** A tenant: a municipality or a prefecture. code: e.g. the 全国地方公共団体コード. */
public record Organization(long id, String code, String name, String kind) { }

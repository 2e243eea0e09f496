package jp.mamori.cli;

/** --format of list/show commands. */
public enum OutputFormat { table, json, text }

package jp.mamori.detection.rules;

/** A log line behind a detection: the file, its line number and the line. */
public record Evidence(String file, long line, String text) { }

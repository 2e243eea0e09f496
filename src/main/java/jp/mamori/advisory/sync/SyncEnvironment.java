package jp.mamori.advisory.sync;

import java.time.Clock;

/** What every source client needs: settings, the HTTP fetcher, the feed cache, the state store, time. */
public record SyncEnvironment(SyncSettings settings, HttpFetcher fetcher, FeedCache cache, SyncStateStore state, Clock clock,
                              Sleeper sleeper) { }

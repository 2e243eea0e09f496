package jp.mamori.app.inventory;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;

/**
 * One writer per asset in this process, taken before a database connection is: parallel uploads
 * to one asset queue here instead of holding pool connections while they wait. Across processes
 * the asset row lock taken in the transaction does the same (see {@link AddSbom}).
 */
public final class AssetLocks {

    private final ConcurrentHashMap<Long, ReentrantLock> locks = new ConcurrentHashMap<>();

    public interface Held extends AutoCloseable {
        @Override
        void close();
    }

    public Held lock(long assetId) {
        ReentrantLock l = locks.computeIfAbsent(assetId, k -> new ReentrantLock(true));
        l.lock();
        return l::unlock;
    }
}

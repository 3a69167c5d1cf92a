package org.rapporteur.command.eventstore;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.axonframework.common.Registration;
import org.axonframework.common.caching.Cache;

/**
 * The most recently used report aggregates, held strongly up to a bound, the least recently used
 * evicted first. Axon's WeakReferenceCache lost them at every garbage collection, so busy reports
 * were loaded again from their snapshot and events on many commands: an eighth of the command
 * path's CPU samples (docs/performance.md). Thread-safe; every operation holds one lock, which a
 * map lookup keeps short.
 */
public final class BoundedCache implements Cache {

  private final int maxEntries;
  private final List<EntryListener> listeners = new CopyOnWriteArrayList<>();
  private final Map<Object, Object> entries;

  public BoundedCache(int maxEntries) {
    if (maxEntries < 1) {
      throw new IllegalArgumentException("the cache must hold at least one entry, not " + maxEntries);
    }
    this.maxEntries = maxEntries;
    this.entries = new LinkedHashMap<>(16, 0.75f, true) {
      @Override
      protected boolean removeEldestEntry(Map.Entry<Object, Object> eldest) {
        if (size() <= BoundedCache.this.maxEntries) {
          return false;
        }
        listeners.forEach(l -> l.onEntryExpired(eldest.getKey()));
        return true;
      }
    };
  }

  @Override
  @SuppressWarnings("unchecked")
  public synchronized <K, V> V get(K key) {
    V value = (V) entries.get(key);
    if (value != null) {
      listeners.forEach(l -> l.onEntryRead(key, value));
    }
    return value;
  }

  @Override
  public synchronized void put(Object key, Object value) {
    if (value == null) {
      remove(key);
      return;
    }
    boolean updated = entries.put(key, value) != null;
    listeners.forEach(l -> {
      if (updated) {
        l.onEntryUpdated(key, value);
      } else {
        l.onEntryCreated(key, value);
      }
    });
  }

  @Override
  public synchronized boolean putIfAbsent(Object key, Object value) {
    if (entries.containsKey(key)) {
      return false;
    }
    put(key, value);
    return true;
  }

  @Override
  public synchronized boolean remove(Object key) {
    boolean removed = entries.remove(key) != null;
    if (removed) {
      listeners.forEach(l -> l.onEntryRemoved(key));
    }
    return removed;
  }

  @Override
  public synchronized void removeAll() {
    List.copyOf(entries.keySet()).forEach(this::remove);
  }

  @Override
  public synchronized boolean containsKey(Object key) {
    return entries.containsKey(key);
  }

  /** How many entries the cache holds now. */
  public synchronized int size() {
    return entries.size();
  }

  @Override
  public Registration registerCacheEntryListener(EntryListener listener) {
    listeners.add(listener);
    return () -> listeners.remove(listener);
  }
}

package org.opencsms.gateway.ocpp;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * Back-off after refused credentials, per charge point id and per client address: after
 * {@value #ID_FREE_FAILURES} refusals for an id the next attempts for it are refused at once, without
 * a password check, for 1 s, then 2, 4 ... up to 60 s; an address is throttled the same way after
 * {@value #ADDRESS_FREE_FAILURES} refusals in a row (many charge points may share one address behind NAT or
 * a proxy). A correct login clears both. Bounded: when it tracks too many keys it starts over.
 */
@ApplicationScoped
public class HandshakeThrottle {
    static final int ID_FREE_FAILURES = 3;
    static final int ADDRESS_FREE_FAILURES = 20;
    private static final long MAX_PENALTY_MS = 60_000;
    private static final int MAX_KEYS = 100_000;

    private record Failures(int count, long blockedUntil) {
    }

    private final ConcurrentMap<String, Failures> ids = new ConcurrentHashMap<>();
    private final ConcurrentMap<String, Failures> addresses = new ConcurrentHashMap<>();

    /** Whether an attempt for this id or from this address is to be refused without a check. */
    public boolean throttled(String id, String address, long nowMs) {
        return blocked(ids.get(id), nowMs) || blocked(addresses.get(address), nowMs);
    }

    public void failed(String id, String address, long nowMs) {
        record(ids, id, ID_FREE_FAILURES, nowMs);
        record(addresses, address, ADDRESS_FREE_FAILURES, nowMs);
    }

    public void succeeded(String id, String address) {
        ids.remove(id);
        addresses.remove(address);
    }

    private static boolean blocked(Failures f, long nowMs) {
        return f != null && f.blockedUntil() > nowMs;
    }

    private static void record(ConcurrentMap<String, Failures> map, String key, int free, long nowMs) {
        if (key == null) {
            return;
        }
        if (map.size() > MAX_KEYS) {
            map.clear();
        }
        map.compute(key, (k, f) -> {
            int count = f == null ? 1 : f.count() + 1;
            int penalised = count - free;
            long penalty = penalised <= 0 ? 0 : Math.min(MAX_PENALTY_MS, 1000L << Math.min(penalised - 1, 16));
            return new Failures(count, nowMs + penalty);
        });
    }
}

package io.airlock.watch;

/**
 * A bounded map from IP address to a value, keyed on {@link IpKey} halves so lookups allocate nothing. Open
 * addressing with linear probing, at most half full. When full, the oldest entry is evicted (insertion order), so a
 * host that floods names or peers cannot grow it.
 *
 * @param <V> the value type
 */
final class AddressTable<V> {

    private final long[] his;
    private final long[] los;
    private final Object[] values;
    private final int mask;
    private final int maxEntries;
    private final long[] orderHi;
    private final long[] orderLo;
    private int head;
    private int size;

    AddressTable(int maxEntries) {
        this.maxEntries = maxEntries;
        int capacity = Integer.highestOneBit(Math.max(2, maxEntries)) << 2;
        this.his = new long[capacity];
        this.los = new long[capacity];
        this.values = new Object[capacity];
        this.mask = capacity - 1;
        this.orderHi = new long[maxEntries];
        this.orderLo = new long[maxEntries];
    }

    @SuppressWarnings("unchecked")
    V get(long hi, long lo) {
        int i = IpKey.hash(hi, lo) & mask;
        while (values[i] != null) {
            if (his[i] == hi && los[i] == lo) {
                return (V) values[i];
            }
            i = (i + 1) & mask;
        }
        return null;
    }

    boolean contains(long hi, long lo) {
        return get(hi, lo) != null;
    }

    /** Sets the value for an address, evicting the oldest entry when the table is full. */
    void put(long hi, long lo, V value) {
        int i = IpKey.hash(hi, lo) & mask;
        while (values[i] != null) {
            if (his[i] == hi && los[i] == lo) {
                values[i] = value;
                return;
            }
            i = (i + 1) & mask;
        }
        if (size == maxEntries) {
            int oldest = (head - size + maxEntries) % maxEntries;
            remove(orderHi[oldest], orderLo[oldest]);
            put(hi, lo, value);
            return;
        }
        his[i] = hi;
        los[i] = lo;
        values[i] = value;
        orderHi[head] = hi;
        orderLo[head] = lo;
        head = (head + 1) % maxEntries;
        size++;
    }

    int size() {
        return size;
    }

    private void remove(long hi, long lo) {
        int i = IpKey.hash(hi, lo) & mask;
        while (values[i] != null && !(his[i] == hi && los[i] == lo)) {
            i = (i + 1) & mask;
        }
        if (values[i] == null) {
            return;
        }
        values[i] = null;
        size--;
        // Backward-shift deletion keeps every probe chain unbroken without tombstones.
        int j = i;
        while (true) {
            j = (j + 1) & mask;
            if (values[j] == null) {
                return;
            }
            int home = IpKey.hash(his[j], los[j]) & mask;
            boolean movable = i <= j ? (home <= i || home > j) : (home <= i && home > j);
            if (movable) {
                his[i] = his[j];
                los[i] = los[j];
                values[i] = values[j];
                values[j] = null;
                i = j;
            }
        }
    }
}

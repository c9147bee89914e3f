package io.redflag.service.store;

import java.util.Arrays;

/**
 * A growable byte array written at its end: a page's COPY text, or one row's content-hash input. Callers
 * {@link #ensure} room, then write into {@link #array} at {@link #size} and move size on.
 */
final class Bytes {
    byte[] array;
    int size;

    Bytes(int capacity) {
        array = new byte[Math.max(capacity, 16)];
    }

    void ensure(int more) {
        if (array.length - size < more) {
            array = Arrays.copyOf(array, Math.max(array.length * 2, size + more));
        }
    }

    void put(byte b) {
        ensure(1);
        array[size++] = b;
    }

    void put(byte[] bytes) {
        ensure(bytes.length);
        System.arraycopy(bytes, 0, array, size, bytes.length);
        size += bytes.length;
    }

    /** Bytes known to be ASCII, such as a number's text. */
    void putAscii(String s) {
        int n = s.length();
        ensure(n);
        for (int i = 0; i < n; i++) {
            array[size++] = (byte) s.charAt(i);
        }
    }

    /** Little-endian, so the bytes are the same on every platform. */
    void putInt(int v) {
        ensure(4);
        for (int i = 0; i < 4; i++) {
            array[size++] = (byte) (v >>> (8 * i));
        }
    }

    void putLong(long v) {
        ensure(8);
        for (int i = 0; i < 8; i++) {
            array[size++] = (byte) (v >>> (8 * i));
        }
    }
}

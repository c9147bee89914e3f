package io.redflag.service.crm;

import io.redflag.emulator.Emulator;

/** The embedded demo org, or none when a real org is configured (tests reach the emulator through it). */
public record DemoOrg(Emulator emulator) implements AutoCloseable {
    @Override
    public void close() {
        if (emulator != null) {
            emulator.close();
        }
    }
}

package io.redflag.service.cdc;

import io.redflag.connector.intake.cdc.ChangeDataCapture;
import org.springframework.context.SmartLifecycle;

/**
 * Runs the change stream with the application: started once the context is up, stopped (after the batch being
 * stored) before the store closes. Where several replicas run, only the one running intake may subscribe:
 * leadership should call {@link ChangeDataCapture#start()} and {@link ChangeDataCapture#stop()} instead.
 */
public final class ChangeStreamLifecycle implements SmartLifecycle {
    private final ChangeDataCapture cdc;
    private final boolean autoStartup;

    /** @param cdc the stream, or null when Change Data Capture is off */
    ChangeStreamLifecycle(ChangeDataCapture cdc, boolean autoStartup) {
        this.cdc = cdc;
        this.autoStartup = autoStartup;
    }

    /** The stream, or null when Change Data Capture is off: what leadership starts and stops. */
    public ChangeDataCapture stream() {
        return cdc;
    }

    @Override
    public void start() {
        if (cdc != null) {
            cdc.start();
        }
    }

    @Override
    public void stop() {
        if (cdc != null) {
            cdc.stop();
        }
    }

    @Override
    public boolean isRunning() {
        return cdc != null && cdc.running();
    }

    @Override
    public boolean isAutoStartup() {
        return autoStartup;
    }
}

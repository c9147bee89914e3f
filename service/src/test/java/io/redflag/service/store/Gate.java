package io.redflag.service.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/**
 * A "previous page" the test holds: a page's transaction that waits for it has written its rows and stops
 * exactly there, inside its transaction, until the test opens the gate (the previous page committed) or
 * fails it (the previous page failed, or the process died: this transaction rolls back). No timing hopes.
 */
final class Gate implements Future<Object> {
    private static final Duration PATIENCE = Duration.ofSeconds(30);
    private final CountDownLatch arrived;
    private final CountDownLatch decided = new CountDownLatch(1);
    private volatile RuntimeException failure;

    /** @param waiters how many transactions will wait here */
    Gate(int waiters) {
        this.arrived = new CountDownLatch(waiters);
    }

    /** Returns once every waiter has written its rows and is waiting at the gate. */
    void awaitArrivals() throws InterruptedException {
        assertThat(arrived.await(PATIENCE.toSeconds(), TimeUnit.SECONDS)).as("the transactions reached the gate")
                .isTrue();
    }

    void open() {
        decided.countDown();
    }

    void fail(RuntimeException why) {
        failure = why;
        decided.countDown();
    }

    @Override
    public Object get() throws InterruptedException, ExecutionException {
        arrived.countDown();
        decided.await();
        if (failure != null) {
            throw new ExecutionException(failure);
        }
        return null;
    }

    @Override
    public Object get(long timeout, TimeUnit unit) throws InterruptedException, ExecutionException {
        return get();
    }

    @Override
    public boolean cancel(boolean mayInterruptIfRunning) {
        return false;
    }

    @Override
    public boolean isCancelled() {
        return false;
    }

    @Override
    public boolean isDone() {
        return decided.getCount() == 0;
    }
}

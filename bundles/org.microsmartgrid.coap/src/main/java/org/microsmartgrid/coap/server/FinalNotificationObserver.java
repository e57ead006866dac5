package org.microsmartgrid.coap.server;

import org.eclipse.californium.core.coap.MessageObserverAdapter;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Counts one observer as told once its final notification is settled: acknowledged, refused, timed out, cancelled or
 * not sendable. The endpoints wait for all of them (bounded) before they close.
 */
final class FinalNotificationObserver extends MessageObserverAdapter {

    private final CountDownLatch told;
    private final AtomicBoolean settled = new AtomicBoolean();

    FinalNotificationObserver(CountDownLatch told) {
        this.told = told;
    }

    private void settle() {
        if (settled.compareAndSet(false, true)) told.countDown();
    }

    @Override
    public void onAcknowledgement() {
        settle();
    }

    @Override
    public void onReject() {
        settle();
    }

    @Override
    public void onTimeout() {
        settle();
    }

    @Override
    public void onCancel() {
        settle();
    }

    @Override
    public void onSendError(Throwable error) {
        settle();
    }
}

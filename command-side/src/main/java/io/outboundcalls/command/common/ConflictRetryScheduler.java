package io.outboundcalls.command.common;

import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.commandhandling.gateway.RetryScheduler;
import org.axonframework.common.lock.LockAcquisitionFailedException;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.modelling.command.ConcurrencyException;

import java.util.List;

/** Retries a command only when it lost a race for its aggregate; any other failure is final at once. */
record ConflictRetryScheduler(RetryScheduler delegate) implements RetryScheduler {

    @Override
    public boolean scheduleRetry(CommandMessage commandMessage, RuntimeException lastFailure,
                                 List<Class<? extends Throwable>[]> failures, Runnable commandDispatch) {
        return isLostRace(lastFailure) && delegate.scheduleRetry(commandMessage, lastFailure, failures, commandDispatch);
    }

    static boolean isLostRace(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof ConcurrencyException || t instanceof AggregateStreamCreationException
                    || t instanceof LockAcquisitionFailedException) {
                return true;
            }
        }
        return false;
    }
}

package concurrencydemo.framework;

import concurrencydemo.report.Message;

/** demo cannot run here at all (its temporary directory cannot be made): said once, and the run stops. */
final class Unusable extends RuntimeException {
    private static final long serialVersionUID = 1L;
    /** Why, in words for the user. */
    final transient Message reason;

    Unusable(Message reason, Throwable cause) {
        super(reason.key(), cause);
        this.reason = reason;
    }
}

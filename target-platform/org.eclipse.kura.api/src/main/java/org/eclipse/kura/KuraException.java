package org.eclipse.kura;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Stand-in for Kura 5.5.0's {@code KuraException}: the same public constructors and methods. Kura formats its
 * messages from a resource bundle; this one only names the code and the arguments.
 */
@ProviderType
public class KuraException extends Exception {

    private static final long serialVersionUID = 1L;

    private final KuraErrorCode code;
    private final transient Object[] arguments;

    public KuraException(final KuraErrorCode code) {
        this(code, (Object[]) null);
    }

    public KuraException(final KuraErrorCode code, final Object... arguments) {
        this.code = code;
        this.arguments = arguments;
    }

    public KuraException(final KuraErrorCode code, final Throwable cause, final Object... arguments) {
        super(cause);
        this.code = code;
        this.arguments = arguments;
    }

    public static KuraException internalError(final String message) {
        return new KuraException(KuraErrorCode.INTERNAL_ERROR, null, message);
    }

    public static KuraException internalError(final Throwable cause) {
        return new KuraException(KuraErrorCode.INTERNAL_ERROR, cause, "");
    }

    public static KuraException internalError(final Throwable cause, final String message) {
        return new KuraException(KuraErrorCode.INTERNAL_ERROR, cause, message);
    }

    public KuraErrorCode getCode() {
        return this.code;
    }

    @Override
    public String getLocalizedMessage() {
        return getMessage();
    }

    @Override
    public String getMessage() {
        return this.code + (this.arguments == null ? "" : " " + java.util.Arrays.toString(this.arguments));
    }
}

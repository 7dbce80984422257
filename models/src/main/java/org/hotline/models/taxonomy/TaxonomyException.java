package org.hotline.models.taxonomy;

/** A taxonomy file or path that cannot be used, with a message that says why. */
public class TaxonomyException extends RuntimeException {
    public TaxonomyException(String message) {
        super(message);
    }

    public TaxonomyException(String message, Throwable cause) {
        super(message, cause);
    }
}

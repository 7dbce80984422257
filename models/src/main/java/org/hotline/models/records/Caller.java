package org.hotline.models.records;

import com.fasterxml.jackson.annotation.JsonInclude;

/** Who called. Masked by intake before anything is written downstream. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Caller(String phone, String name) {}

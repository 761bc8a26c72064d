package io.contractflow.workflow.versions;

import java.util.List;

/** One page of a longer list. */
record Page<T>(List<T> items, int page, int size, long total) {}

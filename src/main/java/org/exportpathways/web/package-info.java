/**
 * The HTTP layer: implements the interfaces generated from api/openapi.yaml, maps DTOs to
 * requests and results, problem+json errors, and the per-pack canary decisions behind
 * readiness.
 */
package org.exportpathways.web;

// Serves the contract file itself (api/openapi.yaml, packaged as /openapi.yaml), not a re-derived spec.
// A file of its own, not an inline script: the content security policy allows scripts from the service only.
window.ui = SwaggerUIBundle({ url: "/openapi.yaml", dom_id: "#swagger-ui" });

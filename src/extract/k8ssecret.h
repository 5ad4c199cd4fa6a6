/*
 * Kubernetes Secret manifests (k8ssecret.c).
 */
#ifndef LS_K8SSECRET_H
#define LS_K8SSECRET_H

#include "core/handler.h"

/* If text declares a Kubernetes Secret (YAML or JSON), emit each base64
 * value of its data mappings that decodes to text as "key: decoded". */
ls_err ls_k8s_secret_text(struct ls_ctx *c, struct ls_object *o, struct ls_slice text);

#endif

"use strict";
var __getOwnPropNames = Object.getOwnPropertyNames;
var __commonJS = (cb, mod) => function __require() {
  return mod || (0, cb[__getOwnPropNames(cb)[0]])((mod = { exports: {} }).exports, mod), mod.exports;
};

// node_modules/ajv/dist/runtime/ucs2length.js
var require_ucs2length = __commonJS({
  "node_modules/ajv/dist/runtime/ucs2length.js"(exports2) {
    "use strict";
    Object.defineProperty(exports2, "__esModule", { value: true });
    function ucs2length(str) {
      const len = str.length;
      let length = 0;
      let pos = 0;
      let value;
      while (pos < len) {
        length++;
        value = str.charCodeAt(pos++);
        if (value >= 55296 && value <= 56319 && pos < len) {
          value = str.charCodeAt(pos);
          if ((value & 64512) === 56320)
            pos++;
        }
      }
      return length;
    }
    exports2.default = ucs2length;
    ucs2length.code = 'require("ajv/dist/runtime/ucs2length").default';
  }
});

// dist/config-validator.cjs
module.exports = validate10;
module.exports.default = validate10;
var schema11 = { "$schema": "http://json-schema.org/draft-07/schema#", "$id": "https://genai-lint.dev/schemas/config.schema.json", "title": "genai-lint configuration (.genai-lint.yaml)", "type": "object", "additionalProperties": false, "properties": { "rules": { "description": "Severity per rule id, or [severity, options].", "type": "object", "additionalProperties": { "anyOf": [{ "$ref": "#/definitions/severitySetting" }, { "type": "array", "minItems": 1, "maxItems": 2, "items": [{ "$ref": "#/definitions/severitySetting" }, { "type": "object" }] }] } }, "ignorePaths": { "description": "Gitignore-style patterns, relative to the config file's directory, of paths not to lint.", "type": "array", "items": { "type": "string", "minLength": 1 } }, "failOn": { "description": "Lowest severity that makes the run exit 1.", "enum": ["error", "warning", "info"] }, "gpu": { "description": "Extra GPU facts for the GPU-aware rules.", "type": "object", "additionalProperties": false, "properties": { "resources": { "description": "Extra extended-resource names that are GPUs/accelerators; a trailing * matches a prefix.", "type": "array", "items": { "type": "string", "minLength": 1 } }, "taintKeys": { "description": "Extra taints that GPU nodes carry, as `key` or `key=value`.", "type": "array", "items": { "type": "string", "minLength": 1 } } } }, "platform": { "description": "Where the manifests run; sets platform defaults (docs/configuration.md).", "enum": ["generic", "gke", "eks", "aks", "openshift"] }, "kubernetesVersion": { "description": 'Target Kubernetes minor version for version-dependent rules, e.g. "1.32".', "type": "string", "pattern": "^1\\.[0-9]+$" }, "schemas": { "description": "JSON Schemas for your own kinds (CRDs), validated by k8s/schema like the built-in kinds.", "type": "array", "items": { "type": "object", "additionalProperties": false, "required": ["apiVersion", "kind", "schema"], "properties": { "apiVersion": { "type": "string", "minLength": 1 }, "kind": { "type": "string", "minLength": 1 }, "schema": { "description": "Path to a .json or .yaml JSON Schema file, relative to the config file.", "type": "string", "minLength": 1 } } } }, "vendoredDirs": { "description": "Names of directories holding vendored third-party code, skipped wherever they appear in the tree (default vendor, third_party); [] lints them. A directory named on the command line is always linted.", "type": "array", "items": { "type": "string", "minLength": 1, "pattern": "^[^/]+$" } }, "kustomize": { "description": "Rendering of kustomizations with kubectl kustomize or kustomize build.", "type": "object", "additionalProperties": false, "properties": { "render": { "description": "auto (default): render when kubectl or kustomize is on PATH, else read patches as partial objects and say so; always: a missing renderer is an error (exit 2); never: do not render.", "enum": ["auto", "always", "never"] }, "binary": { "description": "The kubectl or kustomize executable: a name looked up on PATH, or a path relative to this config file (default: kubectl, then kustomize). One inside the linted tree is never run.", "type": "string", "minLength": 1 }, "timeoutSeconds": { "description": "Time one render may take before it is stopped (default 60).", "type": "number", "exclusiveMinimum": 0 }, "maxInputMB": { "description": "A kustomization whose files (resources, patches, bases) add up to more megabytes than this is not rendered, with a notice, and its files are linted one by one (default 2; CustomResourceDefinitions cost kubectl seconds per megabyte).", "type": "number", "exclusiveMinimum": 0 } } }, "maxFileSizeMB": { "description": "Files larger than this many megabytes are skipped with a finding (default 5).", "type": "number", "exclusiveMinimum": 0 }, "helm": { "description": "Rendering of the Helm charts in the tree with `helm template` (docs/rendering.md).", "type": "object", "additionalProperties": false, "properties": { "render": { "description": "auto (default): render when helm is found, else one line says how many charts were not rendered; always: a missing helm stops the run (exit 2); never: charts are not rendered.", "enum": ["auto", "always", "never"] }, "binary": { "description": "The helm executable (a name looked up on PATH, or a path relative to the config file); never one inside the linted tree. Default: helm on PATH.", "type": "string", "minLength": 1 }, "releaseName": { "description": "Release name given to helm template (default release).", "type": "string", "pattern": "^[a-z0-9]([-a-z0-9]*[a-z0-9])?$", "maxLength": 53 }, "namespace": { "description": "Namespace given to helm template (default default).", "type": "string", "pattern": "^[a-z0-9]([-a-z0-9]*[a-z0-9])?$", "maxLength": 63 }, "kubeVersion": { "description": '--kube-version for helm template, "1.N" (default: kubernetesVersion).', "type": "string", "pattern": "^v?1\\.[0-9]+(\\.[0-9]+)?$" }, "timeoutSeconds": { "description": "Seconds one helm template may take before it is stopped (default 60).", "type": "number", "exclusiveMinimum": 0, "maximum": 3600 }, "valuesFiles": { "description": "Values files per chart: chart directory (relative to the config file) -> values files (relative to the config file), applied in order to every variant of the chart.", "type": "object", "additionalProperties": { "type": "array", "items": { "type": "string", "minLength": 1 } } } } }, "extends": { "description": "Presets (genai-lint:recommended, genai-lint:strict) and relative paths of other configs, merged in order; this file's own settings win. One entry may be written as a plain string.", "anyOf": [{ "type": "string", "minLength": 1 }, { "type": "array", "items": { "type": "string", "minLength": 1 } }] }, "policies": { "description": "Organisation policies (off until configured).", "type": "object", "additionalProperties": false, "properties": { "trustedRegistries": { "description": "Image patterns every image must match (docker.io short names normalised; * matches anything).", "type": "array", "items": { "type": "string", "minLength": 1 } }, "requiredLabels": { "type": "object", "additionalProperties": false, "properties": { "kinds": { "description": "Kubernetes kinds that must carry the labels (default: workloads).", "type": "array", "items": { "type": "string", "minLength": 1 } }, "labels": { "type": "object", "additionalProperties": { "type": ["string", "null"] } }, "annotations": { "type": "object", "additionalProperties": { "type": ["string", "null"] } }, "dockerfileLabels": { "type": "array", "items": { "type": "string", "minLength": 1 } } } }, "resourceCaps": { "type": "object", "additionalProperties": false, "properties": { "maxGpusPerPod": { "type": "integer", "minimum": 0 }, "allowedGpuResources": { "type": "array", "items": { "type": "string", "minLength": 1 } }, "maxMemoryLimit": { "type": ["string", "number"] }, "maxWorkloadGpus": { "type": "integer", "minimum": 0 }, "namespaces": { "description": "Apply the caps only to objects in these namespaces (default: everywhere).", "type": "array", "items": { "type": "string", "minLength": 1 } } } }, "allowedBaseImages": { "type": "object", "additionalProperties": false, "properties": { "allowed": { "type": "array", "items": { "type": "string", "minLength": 1 } }, "banned": { "type": "array", "items": { "type": "string", "minLength": 1 } } } }, "custom": { "type": "array", "items": { "type": "object", "additionalProperties": false, "required": ["id", "message", "match", "schema"], "properties": { "id": { "type": "string", "minLength": 3 }, "severity": { "enum": ["error", "warning", "info"] }, "message": { "type": "string", "minLength": 1 }, "match": { "type": "object", "additionalProperties": false, "required": ["target"], "properties": { "target": { "enum": ["k8s", "dockerfile"] }, "kinds": { "type": "array", "items": { "type": "string", "minLength": 1 } }, "apiVersions": { "type": "array", "items": { "type": "string", "minLength": 1 } }, "namespaces": { "type": "array", "items": { "type": "string", "minLength": 1 } } } }, "schema": { "description": "A JSON Schema, inline or a path to a .json/.yaml file next to the config.", "type": ["object", "string"] } } } } } } }, "definitions": { "severitySetting": { "enum": ["off", "info", "warning", "error"] } } };
var schema12 = { "enum": ["off", "info", "warning", "error"] };
var func2 = Object.prototype.hasOwnProperty;
var func3 = require_ucs2length().default;
var pattern0 = new RegExp("^1\\.[0-9]+$", "u");
var pattern1 = new RegExp("^[^/]+$", "u");
var pattern2 = new RegExp("^[a-z0-9]([-a-z0-9]*[a-z0-9])?$", "u");
var pattern4 = new RegExp("^v?1\\.[0-9]+(\\.[0-9]+)?$", "u");
function validate10(data, { instancePath = "", parentData, parentDataProperty, rootData = data } = {}) {
  ;
  let vErrors = null;
  let errors = 0;
  if (data && typeof data == "object" && !Array.isArray(data)) {
    for (const key0 in data) {
      if (!func2.call(schema11.properties, key0)) {
        const err0 = { instancePath, schemaPath: "#/additionalProperties", keyword: "additionalProperties", params: { additionalProperty: key0 }, message: "must NOT have additional properties" };
        if (vErrors === null) {
          vErrors = [err0];
        } else {
          vErrors.push(err0);
        }
        errors++;
      }
    }
    if (data.rules !== void 0) {
      let data0 = data.rules;
      if (data0 && typeof data0 == "object" && !Array.isArray(data0)) {
        for (const key1 in data0) {
          let data1 = data0[key1];
          const _errs6 = errors;
          let valid2 = false;
          const _errs7 = errors;
          if (!(data1 === "off" || data1 === "info" || data1 === "warning" || data1 === "error")) {
            const err1 = { instancePath: instancePath + "/rules/" + key1.replace(/~/g, "~0").replace(/\//g, "~1"), schemaPath: "#/definitions/severitySetting/enum", keyword: "enum", params: { allowedValues: schema12.enum }, message: "must be equal to one of the allowed values" };
            if (vErrors === null) {
              vErrors = [err1];
            } else {
              vErrors.push(err1);
            }
            errors++;
          }
          var _valid0 = _errs7 === errors;
          valid2 = valid2 || _valid0;
          if (!valid2) {
            const _errs9 = errors;
            if (Array.isArray(data1)) {
              if (data1.length > 2) {
                const err2 = { instancePath: instancePath + "/rules/" + key1.replace(/~/g, "~0").replace(/\//g, "~1"), schemaPath: "#/properties/rules/additionalProperties/anyOf/1/maxItems", keyword: "maxItems", params: { limit: 2 }, message: "must NOT have more than 2 items" };
                if (vErrors === null) {
                  vErrors = [err2];
                } else {
                  vErrors.push(err2);
                }
                errors++;
              }
              if (data1.length < 1) {
                const err3 = { instancePath: instancePath + "/rules/" + key1.replace(/~/g, "~0").replace(/\//g, "~1"), schemaPath: "#/properties/rules/additionalProperties/anyOf/1/minItems", keyword: "minItems", params: { limit: 1 }, message: "must NOT have fewer than 1 items" };
                if (vErrors === null) {
                  vErrors = [err3];
                } else {
                  vErrors.push(err3);
                }
                errors++;
              }
              const len0 = data1.length;
              if (len0 > 0) {
                let data2 = data1[0];
                if (!(data2 === "off" || data2 === "info" || data2 === "warning" || data2 === "error")) {
                  const err4 = { instancePath: instancePath + "/rules/" + key1.replace(/~/g, "~0").replace(/\//g, "~1") + "/0", schemaPath: "#/definitions/severitySetting/enum", keyword: "enum", params: { allowedValues: schema12.enum }, message: "must be equal to one of the allowed values" };
                  if (vErrors === null) {
                    vErrors = [err4];
                  } else {
                    vErrors.push(err4);
                  }
                  errors++;
                }
              }
              if (len0 > 1) {
                let data3 = data1[1];
                if (!(data3 && typeof data3 == "object" && !Array.isArray(data3))) {
                  const err5 = { instancePath: instancePath + "/rules/" + key1.replace(/~/g, "~0").replace(/\//g, "~1") + "/1", schemaPath: "#/properties/rules/additionalProperties/anyOf/1/items/1/type", keyword: "type", params: { type: "object" }, message: "must be object" };
                  if (vErrors === null) {
                    vErrors = [err5];
                  } else {
                    vErrors.push(err5);
                  }
                  errors++;
                }
              }
            } else {
              const err6 = { instancePath: instancePath + "/rules/" + key1.replace(/~/g, "~0").replace(/\//g, "~1"), schemaPath: "#/properties/rules/additionalProperties/anyOf/1/type", keyword: "type", params: { type: "array" }, message: "must be array" };
              if (vErrors === null) {
                vErrors = [err6];
              } else {
                vErrors.push(err6);
              }
              errors++;
            }
            var _valid0 = _errs9 === errors;
            valid2 = valid2 || _valid0;
          }
          if (!valid2) {
            const err7 = { instancePath: instancePath + "/rules/" + key1.replace(/~/g, "~0").replace(/\//g, "~1"), schemaPath: "#/properties/rules/additionalProperties/anyOf", keyword: "anyOf", params: {}, message: "must match a schema in anyOf" };
            if (vErrors === null) {
              vErrors = [err7];
            } else {
              vErrors.push(err7);
            }
            errors++;
          } else {
            errors = _errs6;
            if (vErrors !== null) {
              if (_errs6) {
                vErrors.length = _errs6;
              } else {
                vErrors = null;
              }
            }
          }
        }
      } else {
        const err8 = { instancePath: instancePath + "/rules", schemaPath: "#/properties/rules/type", keyword: "type", params: { type: "object" }, message: "must be object" };
        if (vErrors === null) {
          vErrors = [err8];
        } else {
          vErrors.push(err8);
        }
        errors++;
      }
    }
    if (data.ignorePaths !== void 0) {
      let data4 = data.ignorePaths;
      if (Array.isArray(data4)) {
        const len1 = data4.length;
        for (let i0 = 0; i0 < len1; i0++) {
          let data5 = data4[i0];
          if (typeof data5 === "string") {
            if (func3(data5) < 1) {
              const err9 = { instancePath: instancePath + "/ignorePaths/" + i0, schemaPath: "#/properties/ignorePaths/items/minLength", keyword: "minLength", params: { limit: 1 }, message: "must NOT have fewer than 1 characters" };
              if (vErrors === null) {
                vErrors = [err9];
              } else {
                vErrors.push(err9);
              }
              errors++;
            }
          } else {
            const err10 = { instancePath: instancePath + "/ignorePaths/" + i0, schemaPath: "#/properties/ignorePaths/items/type", keyword: "type", params: { type: "string" }, message: "must be string" };
            if (vErrors === null) {
              vErrors = [err10];
            } else {
              vErrors.push(err10);
            }
            errors++;
          }
        }
      } else {
        const err11 = { instancePath: instancePath + "/ignorePaths", schemaPath: "#/properties/ignorePaths/type", keyword: "type", params: { type: "array" }, message: "must be array" };
        if (vErrors === null) {
          vErrors = [err11];
        } else {
          vErrors.push(err11);
        }
        errors++;
      }
    }
    if (data.failOn !== void 0) {
      let data6 = data.failOn;
      if (!(data6 === "error" || data6 === "warning" || data6 === "info")) {
        const err12 = { instancePath: instancePath + "/failOn", schemaPath: "#/properties/failOn/enum", keyword: "enum", params: { allowedValues: schema11.properties.failOn.enum }, message: "must be equal to one of the allowed values" };
        if (vErrors === null) {
          vErrors = [err12];
        } else {
          vErrors.push(err12);
        }
        errors++;
      }
    }
    if (data.gpu !== void 0) {
      let data7 = data.gpu;
      if (data7 && typeof data7 == "object" && !Array.isArray(data7)) {
        for (const key2 in data7) {
          if (!(key2 === "resources" || key2 === "taintKeys")) {
            const err13 = { instancePath: instancePath + "/gpu", schemaPath: "#/properties/gpu/additionalProperties", keyword: "additionalProperties", params: { additionalProperty: key2 }, message: "must NOT have additional properties" };
            if (vErrors === null) {
              vErrors = [err13];
            } else {
              vErrors.push(err13);
            }
            errors++;
          }
        }
        if (data7.resources !== void 0) {
          let data8 = data7.resources;
          if (Array.isArray(data8)) {
            const len2 = data8.length;
            for (let i1 = 0; i1 < len2; i1++) {
              let data9 = data8[i1];
              if (typeof data9 === "string") {
                if (func3(data9) < 1) {
                  const err14 = { instancePath: instancePath + "/gpu/resources/" + i1, schemaPath: "#/properties/gpu/properties/resources/items/minLength", keyword: "minLength", params: { limit: 1 }, message: "must NOT have fewer than 1 characters" };
                  if (vErrors === null) {
                    vErrors = [err14];
                  } else {
                    vErrors.push(err14);
                  }
                  errors++;
                }
              } else {
                const err15 = { instancePath: instancePath + "/gpu/resources/" + i1, schemaPath: "#/properties/gpu/properties/resources/items/type", keyword: "type", params: { type: "string" }, message: "must be string" };
                if (vErrors === null) {
                  vErrors = [err15];
                } else {
                  vErrors.push(err15);
                }
                errors++;
              }
            }
          } else {
            const err16 = { instancePath: instancePath + "/gpu/resources", schemaPath: "#/properties/gpu/properties/resources/type", keyword: "type", params: { type: "array" }, message: "must be array" };
            if (vErrors === null) {
              vErrors = [err16];
            } else {
              vErrors.push(err16);
            }
            errors++;
          }
        }
        if (data7.taintKeys !== void 0) {
          let data10 = data7.taintKeys;
          if (Array.isArray(data10)) {
            const len3 = data10.length;
            for (let i2 = 0; i2 < len3; i2++) {
              let data11 = data10[i2];
              if (typeof data11 === "string") {
                if (func3(data11) < 1) {
                  const err17 = { instancePath: instancePath + "/gpu/taintKeys/" + i2, schemaPath: "#/properties/gpu/properties/taintKeys/items/minLength", keyword: "minLength", params: { limit: 1 }, message: "must NOT have fewer than 1 characters" };
                  if (vErrors === null) {
                    vErrors = [err17];
                  } else {
                    vErrors.push(err17);
                  }
                  errors++;
                }
              } else {
                const err18 = { instancePath: instancePath + "/gpu/taintKeys/" + i2, schemaPath: "#/properties/gpu/properties/taintKeys/items/type", keyword: "type", params: { type: "string" }, message: "must be string" };
                if (vErrors === null) {
                  vErrors = [err18];
                } else {
                  vErrors.push(err18);
                }
                errors++;
              }
            }
          } else {
            const err19 = { instancePath: instancePath + "/gpu/taintKeys", schemaPath: "#/properties/gpu/properties/taintKeys/type", keyword: "type", params: { type: "array" }, message: "must be array" };
            if (vErrors === null) {
              vErrors = [err19];
            } else {
              vErrors.push(err19);
            }
            errors++;
          }
        }
      } else {
        const err20 = { instancePath: instancePath + "/gpu", schemaPath: "#/properties/gpu/type", keyword: "type", params: { type: "object" }, message: "must be object" };
        if (vErrors === null) {
          vErrors = [err20];
        } else {
          vErrors.push(err20);
        }
        errors++;
      }
    }
    if (data.platform !== void 0) {
      let data12 = data.platform;
      if (!(data12 === "generic" || data12 === "gke" || data12 === "eks" || data12 === "aks" || data12 === "openshift")) {
        const err21 = { instancePath: instancePath + "/platform", schemaPath: "#/properties/platform/enum", keyword: "enum", params: { allowedValues: schema11.properties.platform.enum }, message: "must be equal to one of the allowed values" };
        if (vErrors === null) {
          vErrors = [err21];
        } else {
          vErrors.push(err21);
        }
        errors++;
      }
    }
    if (data.kubernetesVersion !== void 0) {
      let data13 = data.kubernetesVersion;
      if (typeof data13 === "string") {
        if (!pattern0.test(data13)) {
          const err22 = { instancePath: instancePath + "/kubernetesVersion", schemaPath: "#/properties/kubernetesVersion/pattern", keyword: "pattern", params: { pattern: "^1\\.[0-9]+$" }, message: 'must match pattern "^1\\.[0-9]+$"' };
          if (vErrors === null) {
            vErrors = [err22];
          } else {
            vErrors.push(err22);
          }
          errors++;
        }
      } else {
        const err23 = { instancePath: instancePath + "/kubernetesVersion", schemaPath: "#/properties/kubernetesVersion/type", keyword: "type", params: { type: "string" }, message: "must be string" };
        if (vErrors === null) {
          vErrors = [err23];
        } else {
          vErrors.push(err23);
        }
        errors++;
      }
    }
    if (data.schemas !== void 0) {
      let data14 = data.schemas;
      if (Array.isArray(data14)) {
        const len4 = data14.length;
        for (let i3 = 0; i3 < len4; i3++) {
          let data15 = data14[i3];
          if (data15 && typeof data15 == "object" && !Array.isArray(data15)) {
            if (data15.apiVersion === void 0) {
              const err24 = { instancePath: instancePath + "/schemas/" + i3, schemaPath: "#/properties/schemas/items/required", keyword: "required", params: { missingProperty: "apiVersion" }, message: "must have required property 'apiVersion'" };
              if (vErrors === null) {
                vErrors = [err24];
              } else {
                vErrors.push(err24);
              }
              errors++;
            }
            if (data15.kind === void 0) {
              const err25 = { instancePath: instancePath + "/schemas/" + i3, schemaPath: "#/properties/schemas/items/required", keyword: "required", params: { missingProperty: "kind" }, message: "must have required property 'kind'" };
              if (vErrors === null) {
                vErrors = [err25];
              } else {
                vErrors.push(err25);
              }
              errors++;
            }
            if (data15.schema === void 0) {
              const err26 = { instancePath: instancePath + "/schemas/" + i3, schemaPath: "#/properties/schemas/items/required", keyword: "required", params: { missingProperty: "schema" }, message: "must have required property 'schema'" };
              if (vErrors === null) {
                vErrors = [err26];
              } else {
                vErrors.push(err26);
              }
              errors++;
            }
            for (const key3 in data15) {
              if (!(key3 === "apiVersion" || key3 === "kind" || key3 === "schema")) {
                const err27 = { instancePath: instancePath + "/schemas/" + i3, schemaPath: "#/properties/schemas/items/additionalProperties", keyword: "additionalProperties", params: { additionalProperty: key3 }, message: "must NOT have additional properties" };
                if (vErrors === null) {
                  vErrors = [err27];
                } else {
                  vErrors.push(err27);
                }
                errors++;
              }
            }
            if (data15.apiVersion !== void 0) {
              let data16 = data15.apiVersion;
              if (typeof data16 === "string") {
                if (func3(data16) < 1) {
                  const err28 = { instancePath: instancePath + "/schemas/" + i3 + "/apiVersion", schemaPath: "#/properties/schemas/items/properties/apiVersion/minLength", keyword: "minLength", params: { limit: 1 }, message: "must NOT have fewer than 1 characters" };
                  if (vErrors === null) {
                    vErrors = [err28];
                  } else {
                    vErrors.push(err28);
                  }
                  errors++;
                }
              } else {
                const err29 = { instancePath: instancePath + "/schemas/" + i3 + "/apiVersion", schemaPath: "#/properties/schemas/items/properties/apiVersion/type", keyword: "type", params: { type: "string" }, message: "must be string" };
                if (vErrors === null) {
                  vErrors = [err29];
                } else {
                  vErrors.push(err29);
                }
                errors++;
              }
            }
            if (data15.kind !== void 0) {
              let data17 = data15.kind;
              if (typeof data17 === "string") {
                if (func3(data17) < 1) {
                  const err30 = { instancePath: instancePath + "/schemas/" + i3 + "/kind", schemaPath: "#/properties/schemas/items/properties/kind/minLength", keyword: "minLength", params: { limit: 1 }, message: "must NOT have fewer than 1 characters" };
                  if (vErrors === null) {
                    vErrors = [err30];
                  } else {
                    vErrors.push(err30);
                  }
                  errors++;
                }
              } else {
                const err31 = { instancePath: instancePath + "/schemas/" + i3 + "/kind", schemaPath: "#/properties/schemas/items/properties/kind/type", keyword: "type", params: { type: "string" }, message: "must be string" };
                if (vErrors === null) {
                  vErrors = [err31];
                } else {
                  vErrors.push(err31);
                }
                errors++;
              }
            }
            if (data15.schema !== void 0) {
              let data18 = data15.schema;
              if (typeof data18 === "string") {
                if (func3(data18) < 1) {
                  const err32 = { instancePath: instancePath + "/schemas/" + i3 + "/schema", schemaPath: "#/properties/schemas/items/properties/schema/minLength", keyword: "minLength", params: { limit: 1 }, message: "must NOT have fewer than 1 characters" };
                  if (vErrors === null) {
                    vErrors = [err32];
                  } else {
                    vErrors.push(err32);
                  }
                  errors++;
                }
              } else {
                const err33 = { instancePath: instancePath + "/schemas/" + i3 + "/schema", schemaPath: "#/properties/schemas/items/properties/schema/type", keyword: "type", params: { type: "string" }, message: "must be string" };
                if (vErrors === null) {
                  vErrors = [err33];
                } else {
                  vErrors.push(err33);
                }
                errors++;
              }
            }
          } else {
            const err34 = { instancePath: instancePath + "/schemas/" + i3, schemaPath: "#/properties/schemas/items/type", keyword: "type", params: { type: "object" }, message: "must be object" };
            if (vErrors === null) {
              vErrors = [err34];
            } else {
              vErrors.push(err34);
            }
            errors++;
          }
        }
      } else {
        const err35 = { instancePath: instancePath + "/schemas", schemaPath: "#/properties/schemas/type", keyword: "type", params: { type: "array" }, message: "must be array" };
        if (vErrors === null) {
          vErrors = [err35];
        } else {
          vErrors.push(err35);
        }
        errors++;
      }
    }
    if (data.vendoredDirs !== void 0) {
      let data19 = data.vendoredDirs;
      if (Array.isArray(data19)) {
        const len5 = data19.length;
        for (let i4 = 0; i4 < len5; i4++) {
          let data20 = data19[i4];
          if (typeof data20 === "string") {
            if (func3(data20) < 1) {
              const err36 = { instancePath: instancePath + "/vendoredDirs/" + i4, schemaPath: "#/properties/vendoredDirs/items/minLength", keyword: "minLength", params: { limit: 1 }, message: "must NOT have fewer than 1 characters" };
              if (vErrors === null) {
                vErrors = [err36];
              } else {
                vErrors.push(err36);
              }
              errors++;
            }
            if (!pattern1.test(data20)) {
              const err37 = { instancePath: instancePath + "/vendoredDirs/" + i4, schemaPath: "#/properties/vendoredDirs/items/pattern", keyword: "pattern", params: { pattern: "^[^/]+$" }, message: 'must match pattern "^[^/]+$"' };
              if (vErrors === null) {
                vErrors = [err37];
              } else {
                vErrors.push(err37);
              }
              errors++;
            }
          } else {
            const err38 = { instancePath: instancePath + "/vendoredDirs/" + i4, schemaPath: "#/properties/vendoredDirs/items/type", keyword: "type", params: { type: "string" }, message: "must be string" };
            if (vErrors === null) {
              vErrors = [err38];
            } else {
              vErrors.push(err38);
            }
            errors++;
          }
        }
      } else {
        const err39 = { instancePath: instancePath + "/vendoredDirs", schemaPath: "#/properties/vendoredDirs/type", keyword: "type", params: { type: "array" }, message: "must be array" };
        if (vErrors === null) {
          vErrors = [err39];
        } else {
          vErrors.push(err39);
        }
        errors++;
      }
    }
    if (data.kustomize !== void 0) {
      let data21 = data.kustomize;
      if (data21 && typeof data21 == "object" && !Array.isArray(data21)) {
        for (const key4 in data21) {
          if (!(key4 === "render" || key4 === "binary" || key4 === "timeoutSeconds" || key4 === "maxInputMB")) {
            const err40 = { instancePath: instancePath + "/kustomize", schemaPath: "#/properties/kustomize/additionalProperties", keyword: "additionalProperties", params: { additionalProperty: key4 }, message: "must NOT have additional properties" };
            if (vErrors === null) {
              vErrors = [err40];
            } else {
              vErrors.push(err40);
            }
            errors++;
          }
        }
        if (data21.render !== void 0) {
          let data22 = data21.render;
          if (!(data22 === "auto" || data22 === "always" || data22 === "never")) {
            const err41 = { instancePath: instancePath + "/kustomize/render", schemaPath: "#/properties/kustomize/properties/render/enum", keyword: "enum", params: { allowedValues: schema11.properties.kustomize.properties.render.enum }, message: "must be equal to one of the allowed values" };
            if (vErrors === null) {
              vErrors = [err41];
            } else {
              vErrors.push(err41);
            }
            errors++;
          }
        }
        if (data21.binary !== void 0) {
          let data23 = data21.binary;
          if (typeof data23 === "string") {
            if (func3(data23) < 1) {
              const err42 = { instancePath: instancePath + "/kustomize/binary", schemaPath: "#/properties/kustomize/properties/binary/minLength", keyword: "minLength", params: { limit: 1 }, message: "must NOT have fewer than 1 characters" };
              if (vErrors === null) {
                vErrors = [err42];
              } else {
                vErrors.push(err42);
              }
              errors++;
            }
          } else {
            const err43 = { instancePath: instancePath + "/kustomize/binary", schemaPath: "#/properties/kustomize/properties/binary/type", keyword: "type", params: { type: "string" }, message: "must be string" };
            if (vErrors === null) {
              vErrors = [err43];
            } else {
              vErrors.push(err43);
            }
            errors++;
          }
        }
        if (data21.timeoutSeconds !== void 0) {
          let data24 = data21.timeoutSeconds;
          if (typeof data24 == "number") {
            if (data24 <= 0 || isNaN(data24)) {
              const err44 = { instancePath: instancePath + "/kustomize/timeoutSeconds", schemaPath: "#/properties/kustomize/properties/timeoutSeconds/exclusiveMinimum", keyword: "exclusiveMinimum", params: { comparison: ">", limit: 0 }, message: "must be > 0" };
              if (vErrors === null) {
                vErrors = [err44];
              } else {
                vErrors.push(err44);
              }
              errors++;
            }
          } else {
            const err45 = { instancePath: instancePath + "/kustomize/timeoutSeconds", schemaPath: "#/properties/kustomize/properties/timeoutSeconds/type", keyword: "type", params: { type: "number" }, message: "must be number" };
            if (vErrors === null) {
              vErrors = [err45];
            } else {
              vErrors.push(err45);
            }
            errors++;
          }
        }
        if (data21.maxInputMB !== void 0) {
          let data25 = data21.maxInputMB;
          if (typeof data25 == "number") {
            if (data25 <= 0 || isNaN(data25)) {
              const err46 = { instancePath: instancePath + "/kustomize/maxInputMB", schemaPath: "#/properties/kustomize/properties/maxInputMB/exclusiveMinimum", keyword: "exclusiveMinimum", params: { comparison: ">", limit: 0 }, message: "must be > 0" };
              if (vErrors === null) {
                vErrors = [err46];
              } else {
                vErrors.push(err46);
              }
              errors++;
            }
          } else {
            const err47 = { instancePath: instancePath + "/kustomize/maxInputMB", schemaPath: "#/properties/kustomize/properties/maxInputMB/type", keyword: "type", params: { type: "number" }, message: "must be number" };
            if (vErrors === null) {
              vErrors = [err47];
            } else {
              vErrors.push(err47);
            }
            errors++;
          }
        }
      } else {
        const err48 = { instancePath: instancePath + "/kustomize", schemaPath: "#/properties/kustomize/type", keyword: "type", params: { type: "object" }, message: "must be object" };
        if (vErrors === null) {
          vErrors = [err48];
        } else {
          vErrors.push(err48);
        }
        errors++;
      }
    }
    if (data.maxFileSizeMB !== void 0) {
      let data26 = data.maxFileSizeMB;
      if (typeof data26 == "number") {
        if (data26 <= 0 || isNaN(data26)) {
          const err49 = { instancePath: instancePath + "/maxFileSizeMB", schemaPath: "#/properties/maxFileSizeMB/exclusiveMinimum", keyword: "exclusiveMinimum", params: { comparison: ">", limit: 0 }, message: "must be > 0" };
          if (vErrors === null) {
            vErrors = [err49];
          } else {
            vErrors.push(err49);
          }
          errors++;
        }
      } else {
        const err50 = { instancePath: instancePath + "/maxFileSizeMB", schemaPath: "#/properties/maxFileSizeMB/type", keyword: "type", params: { type: "number" }, message: "must be number" };
        if (vErrors === null) {
          vErrors = [err50];
        } else {
          vErrors.push(err50);
        }
        errors++;
      }
    }
    if (data.helm !== void 0) {
      let data27 = data.helm;
      if (data27 && typeof data27 == "object" && !Array.isArray(data27)) {
        for (const key5 in data27) {
          if (!(key5 === "render" || key5 === "binary" || key5 === "releaseName" || key5 === "namespace" || key5 === "kubeVersion" || key5 === "timeoutSeconds" || key5 === "valuesFiles")) {
            const err51 = { instancePath: instancePath + "/helm", schemaPath: "#/properties/helm/additionalProperties", keyword: "additionalProperties", params: { additionalProperty: key5 }, message: "must NOT have additional properties" };
            if (vErrors === null) {
              vErrors = [err51];
            } else {
              vErrors.push(err51);
            }
            errors++;
          }
        }
        if (data27.render !== void 0) {
          let data28 = data27.render;
          if (!(data28 === "auto" || data28 === "always" || data28 === "never")) {
            const err52 = { instancePath: instancePath + "/helm/render", schemaPath: "#/properties/helm/properties/render/enum", keyword: "enum", params: { allowedValues: schema11.properties.helm.properties.render.enum }, message: "must be equal to one of the allowed values" };
            if (vErrors === null) {
              vErrors = [err52];
            } else {
              vErrors.push(err52);
            }
            errors++;
          }
        }
        if (data27.binary !== void 0) {
          let data29 = data27.binary;
          if (typeof data29 === "string") {
            if (func3(data29) < 1) {
              const err53 = { instancePath: instancePath + "/helm/binary", schemaPath: "#/properties/helm/properties/binary/minLength", keyword: "minLength", params: { limit: 1 }, message: "must NOT have fewer than 1 characters" };
              if (vErrors === null) {
                vErrors = [err53];
              } else {
                vErrors.push(err53);
              }
              errors++;
            }
          } else {
            const err54 = { instancePath: instancePath + "/helm/binary", schemaPath: "#/properties/helm/properties/binary/type", keyword: "type", params: { type: "string" }, message: "must be string" };
            if (vErrors === null) {
              vErrors = [err54];
            } else {
              vErrors.push(err54);
            }
            errors++;
          }
        }
        if (data27.releaseName !== void 0) {
          let data30 = data27.releaseName;
          if (typeof data30 === "string") {
            if (func3(data30) > 53) {
              const err55 = { instancePath: instancePath + "/helm/releaseName", schemaPath: "#/properties/helm/properties/releaseName/maxLength", keyword: "maxLength", params: { limit: 53 }, message: "must NOT have more than 53 characters" };
              if (vErrors === null) {
                vErrors = [err55];
              } else {
                vErrors.push(err55);
              }
              errors++;
            }
            if (!pattern2.test(data30)) {
              const err56 = { instancePath: instancePath + "/helm/releaseName", schemaPath: "#/properties/helm/properties/releaseName/pattern", keyword: "pattern", params: { pattern: "^[a-z0-9]([-a-z0-9]*[a-z0-9])?$" }, message: 'must match pattern "^[a-z0-9]([-a-z0-9]*[a-z0-9])?$"' };
              if (vErrors === null) {
                vErrors = [err56];
              } else {
                vErrors.push(err56);
              }
              errors++;
            }
          } else {
            const err57 = { instancePath: instancePath + "/helm/releaseName", schemaPath: "#/properties/helm/properties/releaseName/type", keyword: "type", params: { type: "string" }, message: "must be string" };
            if (vErrors === null) {
              vErrors = [err57];
            } else {
              vErrors.push(err57);
            }
            errors++;
          }
        }
        if (data27.namespace !== void 0) {
          let data31 = data27.namespace;
          if (typeof data31 === "string") {
            if (func3(data31) > 63) {
              const err58 = { instancePath: instancePath + "/helm/namespace", schemaPath: "#/properties/helm/properties/namespace/maxLength", keyword: "maxLength", params: { limit: 63 }, message: "must NOT have more than 63 characters" };
              if (vErrors === null) {
                vErrors = [err58];
              } else {
                vErrors.push(err58);
              }
              errors++;
            }
            if (!pattern2.test(data31)) {
              const err59 = { instancePath: instancePath + "/helm/namespace", schemaPath: "#/properties/helm/properties/namespace/pattern", keyword: "pattern", params: { pattern: "^[a-z0-9]([-a-z0-9]*[a-z0-9])?$" }, message: 'must match pattern "^[a-z0-9]([-a-z0-9]*[a-z0-9])?$"' };
              if (vErrors === null) {
                vErrors = [err59];
              } else {
                vErrors.push(err59);
              }
              errors++;
            }
          } else {
            const err60 = { instancePath: instancePath + "/helm/namespace", schemaPath: "#/properties/helm/properties/namespace/type", keyword: "type", params: { type: "string" }, message: "must be string" };
            if (vErrors === null) {
              vErrors = [err60];
            } else {
              vErrors.push(err60);
            }
            errors++;
          }
        }
        if (data27.kubeVersion !== void 0) {
          let data32 = data27.kubeVersion;
          if (typeof data32 === "string") {
            if (!pattern4.test(data32)) {
              const err61 = { instancePath: instancePath + "/helm/kubeVersion", schemaPath: "#/properties/helm/properties/kubeVersion/pattern", keyword: "pattern", params: { pattern: "^v?1\\.[0-9]+(\\.[0-9]+)?$" }, message: 'must match pattern "^v?1\\.[0-9]+(\\.[0-9]+)?$"' };
              if (vErrors === null) {
                vErrors = [err61];
              } else {
                vErrors.push(err61);
              }
              errors++;
            }
          } else {
            const err62 = { instancePath: instancePath + "/helm/kubeVersion", schemaPath: "#/properties/helm/properties/kubeVersion/type", keyword: "type", params: { type: "string" }, message: "must be string" };
            if (vErrors === null) {
              vErrors = [err62];
            } else {
              vErrors.push(err62);
            }
            errors++;
          }
        }
        if (data27.timeoutSeconds !== void 0) {
          let data33 = data27.timeoutSeconds;
          if (typeof data33 == "number") {
            if (data33 > 3600 || isNaN(data33)) {
              const err63 = { instancePath: instancePath + "/helm/timeoutSeconds", schemaPath: "#/properties/helm/properties/timeoutSeconds/maximum", keyword: "maximum", params: { comparison: "<=", limit: 3600 }, message: "must be <= 3600" };
              if (vErrors === null) {
                vErrors = [err63];
              } else {
                vErrors.push(err63);
              }
              errors++;
            }
            if (data33 <= 0 || isNaN(data33)) {
              const err64 = { instancePath: instancePath + "/helm/timeoutSeconds", schemaPath: "#/properties/helm/properties/timeoutSeconds/exclusiveMinimum", keyword: "exclusiveMinimum", params: { comparison: ">", limit: 0 }, message: "must be > 0" };
              if (vErrors === null) {
                vErrors = [err64];
              } else {
                vErrors.push(err64);
              }
              errors++;
            }
          } else {
            const err65 = { instancePath: instancePath + "/helm/timeoutSeconds", schemaPath: "#/properties/helm/properties/timeoutSeconds/type", keyword: "type", params: { type: "number" }, message: "must be number" };
            if (vErrors === null) {
              vErrors = [err65];
            } else {
              vErrors.push(err65);
            }
            errors++;
          }
        }
        if (data27.valuesFiles !== void 0) {
          let data34 = data27.valuesFiles;
          if (data34 && typeof data34 == "object" && !Array.isArray(data34)) {
            for (const key6 in data34) {
              let data35 = data34[key6];
              if (Array.isArray(data35)) {
                const len6 = data35.length;
                for (let i5 = 0; i5 < len6; i5++) {
                  let data36 = data35[i5];
                  if (typeof data36 === "string") {
                    if (func3(data36) < 1) {
                      const err66 = { instancePath: instancePath + "/helm/valuesFiles/" + key6.replace(/~/g, "~0").replace(/\//g, "~1") + "/" + i5, schemaPath: "#/properties/helm/properties/valuesFiles/additionalProperties/items/minLength", keyword: "minLength", params: { limit: 1 }, message: "must NOT have fewer than 1 characters" };
                      if (vErrors === null) {
                        vErrors = [err66];
                      } else {
                        vErrors.push(err66);
                      }
                      errors++;
                    }
                  } else {
                    const err67 = { instancePath: instancePath + "/helm/valuesFiles/" + key6.replace(/~/g, "~0").replace(/\//g, "~1") + "/" + i5, schemaPath: "#/properties/helm/properties/valuesFiles/additionalProperties/items/type", keyword: "type", params: { type: "string" }, message: "must be string" };
                    if (vErrors === null) {
                      vErrors = [err67];
                    } else {
                      vErrors.push(err67);
                    }
                    errors++;
                  }
                }
              } else {
                const err68 = { instancePath: instancePath + "/helm/valuesFiles/" + key6.replace(/~/g, "~0").replace(/\//g, "~1"), schemaPath: "#/properties/helm/properties/valuesFiles/additionalProperties/type", keyword: "type", params: { type: "array" }, message: "must be array" };
                if (vErrors === null) {
                  vErrors = [err68];
                } else {
                  vErrors.push(err68);
                }
                errors++;
              }
            }
          } else {
            const err69 = { instancePath: instancePath + "/helm/valuesFiles", schemaPath: "#/properties/helm/properties/valuesFiles/type", keyword: "type", params: { type: "object" }, message: "must be object" };
            if (vErrors === null) {
              vErrors = [err69];
            } else {
              vErrors.push(err69);
            }
            errors++;
          }
        }
      } else {
        const err70 = { instancePath: instancePath + "/helm", schemaPath: "#/properties/helm/type", keyword: "type", params: { type: "object" }, message: "must be object" };
        if (vErrors === null) {
          vErrors = [err70];
        } else {
          vErrors.push(err70);
        }
        errors++;
      }
    }
    if (data.extends !== void 0) {
      let data37 = data.extends;
      const _errs83 = errors;
      let valid23 = false;
      const _errs84 = errors;
      if (typeof data37 === "string") {
        if (func3(data37) < 1) {
          const err71 = { instancePath: instancePath + "/extends", schemaPath: "#/properties/extends/anyOf/0/minLength", keyword: "minLength", params: { limit: 1 }, message: "must NOT have fewer than 1 characters" };
          if (vErrors === null) {
            vErrors = [err71];
          } else {
            vErrors.push(err71);
          }
          errors++;
        }
      } else {
        const err72 = { instancePath: instancePath + "/extends", schemaPath: "#/properties/extends/anyOf/0/type", keyword: "type", params: { type: "string" }, message: "must be string" };
        if (vErrors === null) {
          vErrors = [err72];
        } else {
          vErrors.push(err72);
        }
        errors++;
      }
      var _valid1 = _errs84 === errors;
      valid23 = valid23 || _valid1;
      if (!valid23) {
        const _errs86 = errors;
        if (Array.isArray(data37)) {
          const len7 = data37.length;
          for (let i6 = 0; i6 < len7; i6++) {
            let data38 = data37[i6];
            if (typeof data38 === "string") {
              if (func3(data38) < 1) {
                const err73 = { instancePath: instancePath + "/extends/" + i6, schemaPath: "#/properties/extends/anyOf/1/items/minLength", keyword: "minLength", params: { limit: 1 }, message: "must NOT have fewer than 1 characters" };
                if (vErrors === null) {
                  vErrors = [err73];
                } else {
                  vErrors.push(err73);
                }
                errors++;
              }
            } else {
              const err74 = { instancePath: instancePath + "/extends/" + i6, schemaPath: "#/properties/extends/anyOf/1/items/type", keyword: "type", params: { type: "string" }, message: "must be string" };
              if (vErrors === null) {
                vErrors = [err74];
              } else {
                vErrors.push(err74);
              }
              errors++;
            }
          }
        } else {
          const err75 = { instancePath: instancePath + "/extends", schemaPath: "#/properties/extends/anyOf/1/type", keyword: "type", params: { type: "array" }, message: "must be array" };
          if (vErrors === null) {
            vErrors = [err75];
          } else {
            vErrors.push(err75);
          }
          errors++;
        }
        var _valid1 = _errs86 === errors;
        valid23 = valid23 || _valid1;
      }
      if (!valid23) {
        const err76 = { instancePath: instancePath + "/extends", schemaPath: "#/properties/extends/anyOf", keyword: "anyOf", params: {}, message: "must match a schema in anyOf" };
        if (vErrors === null) {
          vErrors = [err76];
        } else {
          vErrors.push(err76);
        }
        errors++;
      } else {
        errors = _errs83;
        if (vErrors !== null) {
          if (_errs83) {
            vErrors.length = _errs83;
          } else {
            vErrors = null;
          }
        }
      }
    }
    if (data.policies !== void 0) {
      let data39 = data.policies;
      if (data39 && typeof data39 == "object" && !Array.isArray(data39)) {
        for (const key7 in data39) {
          if (!(key7 === "trustedRegistries" || key7 === "requiredLabels" || key7 === "resourceCaps" || key7 === "allowedBaseImages" || key7 === "custom")) {
            const err77 = { instancePath: instancePath + "/policies", schemaPath: "#/properties/policies/additionalProperties", keyword: "additionalProperties", params: { additionalProperty: key7 }, message: "must NOT have additional properties" };
            if (vErrors === null) {
              vErrors = [err77];
            } else {
              vErrors.push(err77);
            }
            errors++;
          }
        }
        if (data39.trustedRegistries !== void 0) {
          let data40 = data39.trustedRegistries;
          if (Array.isArray(data40)) {
            const len8 = data40.length;
            for (let i7 = 0; i7 < len8; i7++) {
              let data41 = data40[i7];
              if (typeof data41 === "string") {
                if (func3(data41) < 1) {
                  const err78 = { instancePath: instancePath + "/policies/trustedRegistries/" + i7, schemaPath: "#/properties/policies/properties/trustedRegistries/items/minLength", keyword: "minLength", params: { limit: 1 }, message: "must NOT have fewer than 1 characters" };
                  if (vErrors === null) {
                    vErrors = [err78];
                  } else {
                    vErrors.push(err78);
                  }
                  errors++;
                }
              } else {
                const err79 = { instancePath: instancePath + "/policies/trustedRegistries/" + i7, schemaPath: "#/properties/policies/properties/trustedRegistries/items/type", keyword: "type", params: { type: "string" }, message: "must be string" };
                if (vErrors === null) {
                  vErrors = [err79];
                } else {
                  vErrors.push(err79);
                }
                errors++;
              }
            }
          } else {
            const err80 = { instancePath: instancePath + "/policies/trustedRegistries", schemaPath: "#/properties/policies/properties/trustedRegistries/type", keyword: "type", params: { type: "array" }, message: "must be array" };
            if (vErrors === null) {
              vErrors = [err80];
            } else {
              vErrors.push(err80);
            }
            errors++;
          }
        }
        if (data39.requiredLabels !== void 0) {
          let data42 = data39.requiredLabels;
          if (data42 && typeof data42 == "object" && !Array.isArray(data42)) {
            for (const key8 in data42) {
              if (!(key8 === "kinds" || key8 === "labels" || key8 === "annotations" || key8 === "dockerfileLabels")) {
                const err81 = { instancePath: instancePath + "/policies/requiredLabels", schemaPath: "#/properties/policies/properties/requiredLabels/additionalProperties", keyword: "additionalProperties", params: { additionalProperty: key8 }, message: "must NOT have additional properties" };
                if (vErrors === null) {
                  vErrors = [err81];
                } else {
                  vErrors.push(err81);
                }
                errors++;
              }
            }
            if (data42.kinds !== void 0) {
              let data43 = data42.kinds;
              if (Array.isArray(data43)) {
                const len9 = data43.length;
                for (let i8 = 0; i8 < len9; i8++) {
                  let data44 = data43[i8];
                  if (typeof data44 === "string") {
                    if (func3(data44) < 1) {
                      const err82 = { instancePath: instancePath + "/policies/requiredLabels/kinds/" + i8, schemaPath: "#/properties/policies/properties/requiredLabels/properties/kinds/items/minLength", keyword: "minLength", params: { limit: 1 }, message: "must NOT have fewer than 1 characters" };
                      if (vErrors === null) {
                        vErrors = [err82];
                      } else {
                        vErrors.push(err82);
                      }
                      errors++;
                    }
                  } else {
                    const err83 = { instancePath: instancePath + "/policies/requiredLabels/kinds/" + i8, schemaPath: "#/properties/policies/properties/requiredLabels/properties/kinds/items/type", keyword: "type", params: { type: "string" }, message: "must be string" };
                    if (vErrors === null) {
                      vErrors = [err83];
                    } else {
                      vErrors.push(err83);
                    }
                    errors++;
                  }
                }
              } else {
                const err84 = { instancePath: instancePath + "/policies/requiredLabels/kinds", schemaPath: "#/properties/policies/properties/requiredLabels/properties/kinds/type", keyword: "type", params: { type: "array" }, message: "must be array" };
                if (vErrors === null) {
                  vErrors = [err84];
                } else {
                  vErrors.push(err84);
                }
                errors++;
              }
            }
            if (data42.labels !== void 0) {
              let data45 = data42.labels;
              if (data45 && typeof data45 == "object" && !Array.isArray(data45)) {
                for (const key9 in data45) {
                  let data46 = data45[key9];
                  if (typeof data46 !== "string" && data46 !== null) {
                    const err85 = { instancePath: instancePath + "/policies/requiredLabels/labels/" + key9.replace(/~/g, "~0").replace(/\//g, "~1"), schemaPath: "#/properties/policies/properties/requiredLabels/properties/labels/additionalProperties/type", keyword: "type", params: { type: schema11.properties.policies.properties.requiredLabels.properties.labels.additionalProperties.type }, message: "must be string,null" };
                    if (vErrors === null) {
                      vErrors = [err85];
                    } else {
                      vErrors.push(err85);
                    }
                    errors++;
                  }
                }
              } else {
                const err86 = { instancePath: instancePath + "/policies/requiredLabels/labels", schemaPath: "#/properties/policies/properties/requiredLabels/properties/labels/type", keyword: "type", params: { type: "object" }, message: "must be object" };
                if (vErrors === null) {
                  vErrors = [err86];
                } else {
                  vErrors.push(err86);
                }
                errors++;
              }
            }
            if (data42.annotations !== void 0) {
              let data47 = data42.annotations;
              if (data47 && typeof data47 == "object" && !Array.isArray(data47)) {
                for (const key10 in data47) {
                  let data48 = data47[key10];
                  if (typeof data48 !== "string" && data48 !== null) {
                    const err87 = { instancePath: instancePath + "/policies/requiredLabels/annotations/" + key10.replace(/~/g, "~0").replace(/\//g, "~1"), schemaPath: "#/properties/policies/properties/requiredLabels/properties/annotations/additionalProperties/type", keyword: "type", params: { type: schema11.properties.policies.properties.requiredLabels.properties.annotations.additionalProperties.type }, message: "must be string,null" };
                    if (vErrors === null) {
                      vErrors = [err87];
                    } else {
                      vErrors.push(err87);
                    }
                    errors++;
                  }
                }
              } else {
                const err88 = { instancePath: instancePath + "/policies/requiredLabels/annotations", schemaPath: "#/properties/policies/properties/requiredLabels/properties/annotations/type", keyword: "type", params: { type: "object" }, message: "must be object" };
                if (vErrors === null) {
                  vErrors = [err88];
                } else {
                  vErrors.push(err88);
                }
                errors++;
              }
            }
            if (data42.dockerfileLabels !== void 0) {
              let data49 = data42.dockerfileLabels;
              if (Array.isArray(data49)) {
                const len10 = data49.length;
                for (let i9 = 0; i9 < len10; i9++) {
                  let data50 = data49[i9];
                  if (typeof data50 === "string") {
                    if (func3(data50) < 1) {
                      const err89 = { instancePath: instancePath + "/policies/requiredLabels/dockerfileLabels/" + i9, schemaPath: "#/properties/policies/properties/requiredLabels/properties/dockerfileLabels/items/minLength", keyword: "minLength", params: { limit: 1 }, message: "must NOT have fewer than 1 characters" };
                      if (vErrors === null) {
                        vErrors = [err89];
                      } else {
                        vErrors.push(err89);
                      }
                      errors++;
                    }
                  } else {
                    const err90 = { instancePath: instancePath + "/policies/requiredLabels/dockerfileLabels/" + i9, schemaPath: "#/properties/policies/properties/requiredLabels/properties/dockerfileLabels/items/type", keyword: "type", params: { type: "string" }, message: "must be string" };
                    if (vErrors === null) {
                      vErrors = [err90];
                    } else {
                      vErrors.push(err90);
                    }
                    errors++;
                  }
                }
              } else {
                const err91 = { instancePath: instancePath + "/policies/requiredLabels/dockerfileLabels", schemaPath: "#/properties/policies/properties/requiredLabels/properties/dockerfileLabels/type", keyword: "type", params: { type: "array" }, message: "must be array" };
                if (vErrors === null) {
                  vErrors = [err91];
                } else {
                  vErrors.push(err91);
                }
                errors++;
              }
            }
          } else {
            const err92 = { instancePath: instancePath + "/policies/requiredLabels", schemaPath: "#/properties/policies/properties/requiredLabels/type", keyword: "type", params: { type: "object" }, message: "must be object" };
            if (vErrors === null) {
              vErrors = [err92];
            } else {
              vErrors.push(err92);
            }
            errors++;
          }
        }
        if (data39.resourceCaps !== void 0) {
          let data51 = data39.resourceCaps;
          if (data51 && typeof data51 == "object" && !Array.isArray(data51)) {
            for (const key11 in data51) {
              if (!(key11 === "maxGpusPerPod" || key11 === "allowedGpuResources" || key11 === "maxMemoryLimit" || key11 === "maxWorkloadGpus" || key11 === "namespaces")) {
                const err93 = { instancePath: instancePath + "/policies/resourceCaps", schemaPath: "#/properties/policies/properties/resourceCaps/additionalProperties", keyword: "additionalProperties", params: { additionalProperty: key11 }, message: "must NOT have additional properties" };
                if (vErrors === null) {
                  vErrors = [err93];
                } else {
                  vErrors.push(err93);
                }
                errors++;
              }
            }
            if (data51.maxGpusPerPod !== void 0) {
              let data52 = data51.maxGpusPerPod;
              if (!(typeof data52 == "number" && (!(data52 % 1) && !isNaN(data52)))) {
                const err94 = { instancePath: instancePath + "/policies/resourceCaps/maxGpusPerPod", schemaPath: "#/properties/policies/properties/resourceCaps/properties/maxGpusPerPod/type", keyword: "type", params: { type: "integer" }, message: "must be integer" };
                if (vErrors === null) {
                  vErrors = [err94];
                } else {
                  vErrors.push(err94);
                }
                errors++;
              }
              if (typeof data52 == "number") {
                if (data52 < 0 || isNaN(data52)) {
                  const err95 = { instancePath: instancePath + "/policies/resourceCaps/maxGpusPerPod", schemaPath: "#/properties/policies/properties/resourceCaps/properties/maxGpusPerPod/minimum", keyword: "minimum", params: { comparison: ">=", limit: 0 }, message: "must be >= 0" };
                  if (vErrors === null) {
                    vErrors = [err95];
                  } else {
                    vErrors.push(err95);
                  }
                  errors++;
                }
              }
            }
            if (data51.allowedGpuResources !== void 0) {
              let data53 = data51.allowedGpuResources;
              if (Array.isArray(data53)) {
                const len11 = data53.length;
                for (let i10 = 0; i10 < len11; i10++) {
                  let data54 = data53[i10];
                  if (typeof data54 === "string") {
                    if (func3(data54) < 1) {
                      const err96 = { instancePath: instancePath + "/policies/resourceCaps/allowedGpuResources/" + i10, schemaPath: "#/properties/policies/properties/resourceCaps/properties/allowedGpuResources/items/minLength", keyword: "minLength", params: { limit: 1 }, message: "must NOT have fewer than 1 characters" };
                      if (vErrors === null) {
                        vErrors = [err96];
                      } else {
                        vErrors.push(err96);
                      }
                      errors++;
                    }
                  } else {
                    const err97 = { instancePath: instancePath + "/policies/resourceCaps/allowedGpuResources/" + i10, schemaPath: "#/properties/policies/properties/resourceCaps/properties/allowedGpuResources/items/type", keyword: "type", params: { type: "string" }, message: "must be string" };
                    if (vErrors === null) {
                      vErrors = [err97];
                    } else {
                      vErrors.push(err97);
                    }
                    errors++;
                  }
                }
              } else {
                const err98 = { instancePath: instancePath + "/policies/resourceCaps/allowedGpuResources", schemaPath: "#/properties/policies/properties/resourceCaps/properties/allowedGpuResources/type", keyword: "type", params: { type: "array" }, message: "must be array" };
                if (vErrors === null) {
                  vErrors = [err98];
                } else {
                  vErrors.push(err98);
                }
                errors++;
              }
            }
            if (data51.maxMemoryLimit !== void 0) {
              let data55 = data51.maxMemoryLimit;
              if (typeof data55 !== "string" && !(typeof data55 == "number")) {
                const err99 = { instancePath: instancePath + "/policies/resourceCaps/maxMemoryLimit", schemaPath: "#/properties/policies/properties/resourceCaps/properties/maxMemoryLimit/type", keyword: "type", params: { type: schema11.properties.policies.properties.resourceCaps.properties.maxMemoryLimit.type }, message: "must be string,number" };
                if (vErrors === null) {
                  vErrors = [err99];
                } else {
                  vErrors.push(err99);
                }
                errors++;
              }
            }
            if (data51.maxWorkloadGpus !== void 0) {
              let data56 = data51.maxWorkloadGpus;
              if (!(typeof data56 == "number" && (!(data56 % 1) && !isNaN(data56)))) {
                const err100 = { instancePath: instancePath + "/policies/resourceCaps/maxWorkloadGpus", schemaPath: "#/properties/policies/properties/resourceCaps/properties/maxWorkloadGpus/type", keyword: "type", params: { type: "integer" }, message: "must be integer" };
                if (vErrors === null) {
                  vErrors = [err100];
                } else {
                  vErrors.push(err100);
                }
                errors++;
              }
              if (typeof data56 == "number") {
                if (data56 < 0 || isNaN(data56)) {
                  const err101 = { instancePath: instancePath + "/policies/resourceCaps/maxWorkloadGpus", schemaPath: "#/properties/policies/properties/resourceCaps/properties/maxWorkloadGpus/minimum", keyword: "minimum", params: { comparison: ">=", limit: 0 }, message: "must be >= 0" };
                  if (vErrors === null) {
                    vErrors = [err101];
                  } else {
                    vErrors.push(err101);
                  }
                  errors++;
                }
              }
            }
            if (data51.namespaces !== void 0) {
              let data57 = data51.namespaces;
              if (Array.isArray(data57)) {
                const len12 = data57.length;
                for (let i11 = 0; i11 < len12; i11++) {
                  let data58 = data57[i11];
                  if (typeof data58 === "string") {
                    if (func3(data58) < 1) {
                      const err102 = { instancePath: instancePath + "/policies/resourceCaps/namespaces/" + i11, schemaPath: "#/properties/policies/properties/resourceCaps/properties/namespaces/items/minLength", keyword: "minLength", params: { limit: 1 }, message: "must NOT have fewer than 1 characters" };
                      if (vErrors === null) {
                        vErrors = [err102];
                      } else {
                        vErrors.push(err102);
                      }
                      errors++;
                    }
                  } else {
                    const err103 = { instancePath: instancePath + "/policies/resourceCaps/namespaces/" + i11, schemaPath: "#/properties/policies/properties/resourceCaps/properties/namespaces/items/type", keyword: "type", params: { type: "string" }, message: "must be string" };
                    if (vErrors === null) {
                      vErrors = [err103];
                    } else {
                      vErrors.push(err103);
                    }
                    errors++;
                  }
                }
              } else {
                const err104 = { instancePath: instancePath + "/policies/resourceCaps/namespaces", schemaPath: "#/properties/policies/properties/resourceCaps/properties/namespaces/type", keyword: "type", params: { type: "array" }, message: "must be array" };
                if (vErrors === null) {
                  vErrors = [err104];
                } else {
                  vErrors.push(err104);
                }
                errors++;
              }
            }
          } else {
            const err105 = { instancePath: instancePath + "/policies/resourceCaps", schemaPath: "#/properties/policies/properties/resourceCaps/type", keyword: "type", params: { type: "object" }, message: "must be object" };
            if (vErrors === null) {
              vErrors = [err105];
            } else {
              vErrors.push(err105);
            }
            errors++;
          }
        }
        if (data39.allowedBaseImages !== void 0) {
          let data59 = data39.allowedBaseImages;
          if (data59 && typeof data59 == "object" && !Array.isArray(data59)) {
            for (const key12 in data59) {
              if (!(key12 === "allowed" || key12 === "banned")) {
                const err106 = { instancePath: instancePath + "/policies/allowedBaseImages", schemaPath: "#/properties/policies/properties/allowedBaseImages/additionalProperties", keyword: "additionalProperties", params: { additionalProperty: key12 }, message: "must NOT have additional properties" };
                if (vErrors === null) {
                  vErrors = [err106];
                } else {
                  vErrors.push(err106);
                }
                errors++;
              }
            }
            if (data59.allowed !== void 0) {
              let data60 = data59.allowed;
              if (Array.isArray(data60)) {
                const len13 = data60.length;
                for (let i12 = 0; i12 < len13; i12++) {
                  let data61 = data60[i12];
                  if (typeof data61 === "string") {
                    if (func3(data61) < 1) {
                      const err107 = { instancePath: instancePath + "/policies/allowedBaseImages/allowed/" + i12, schemaPath: "#/properties/policies/properties/allowedBaseImages/properties/allowed/items/minLength", keyword: "minLength", params: { limit: 1 }, message: "must NOT have fewer than 1 characters" };
                      if (vErrors === null) {
                        vErrors = [err107];
                      } else {
                        vErrors.push(err107);
                      }
                      errors++;
                    }
                  } else {
                    const err108 = { instancePath: instancePath + "/policies/allowedBaseImages/allowed/" + i12, schemaPath: "#/properties/policies/properties/allowedBaseImages/properties/allowed/items/type", keyword: "type", params: { type: "string" }, message: "must be string" };
                    if (vErrors === null) {
                      vErrors = [err108];
                    } else {
                      vErrors.push(err108);
                    }
                    errors++;
                  }
                }
              } else {
                const err109 = { instancePath: instancePath + "/policies/allowedBaseImages/allowed", schemaPath: "#/properties/policies/properties/allowedBaseImages/properties/allowed/type", keyword: "type", params: { type: "array" }, message: "must be array" };
                if (vErrors === null) {
                  vErrors = [err109];
                } else {
                  vErrors.push(err109);
                }
                errors++;
              }
            }
            if (data59.banned !== void 0) {
              let data62 = data59.banned;
              if (Array.isArray(data62)) {
                const len14 = data62.length;
                for (let i13 = 0; i13 < len14; i13++) {
                  let data63 = data62[i13];
                  if (typeof data63 === "string") {
                    if (func3(data63) < 1) {
                      const err110 = { instancePath: instancePath + "/policies/allowedBaseImages/banned/" + i13, schemaPath: "#/properties/policies/properties/allowedBaseImages/properties/banned/items/minLength", keyword: "minLength", params: { limit: 1 }, message: "must NOT have fewer than 1 characters" };
                      if (vErrors === null) {
                        vErrors = [err110];
                      } else {
                        vErrors.push(err110);
                      }
                      errors++;
                    }
                  } else {
                    const err111 = { instancePath: instancePath + "/policies/allowedBaseImages/banned/" + i13, schemaPath: "#/properties/policies/properties/allowedBaseImages/properties/banned/items/type", keyword: "type", params: { type: "string" }, message: "must be string" };
                    if (vErrors === null) {
                      vErrors = [err111];
                    } else {
                      vErrors.push(err111);
                    }
                    errors++;
                  }
                }
              } else {
                const err112 = { instancePath: instancePath + "/policies/allowedBaseImages/banned", schemaPath: "#/properties/policies/properties/allowedBaseImages/properties/banned/type", keyword: "type", params: { type: "array" }, message: "must be array" };
                if (vErrors === null) {
                  vErrors = [err112];
                } else {
                  vErrors.push(err112);
                }
                errors++;
              }
            }
          } else {
            const err113 = { instancePath: instancePath + "/policies/allowedBaseImages", schemaPath: "#/properties/policies/properties/allowedBaseImages/type", keyword: "type", params: { type: "object" }, message: "must be object" };
            if (vErrors === null) {
              vErrors = [err113];
            } else {
              vErrors.push(err113);
            }
            errors++;
          }
        }
        if (data39.custom !== void 0) {
          let data64 = data39.custom;
          if (Array.isArray(data64)) {
            const len15 = data64.length;
            for (let i14 = 0; i14 < len15; i14++) {
              let data65 = data64[i14];
              if (data65 && typeof data65 == "object" && !Array.isArray(data65)) {
                if (data65.id === void 0) {
                  const err114 = { instancePath: instancePath + "/policies/custom/" + i14, schemaPath: "#/properties/policies/properties/custom/items/required", keyword: "required", params: { missingProperty: "id" }, message: "must have required property 'id'" };
                  if (vErrors === null) {
                    vErrors = [err114];
                  } else {
                    vErrors.push(err114);
                  }
                  errors++;
                }
                if (data65.message === void 0) {
                  const err115 = { instancePath: instancePath + "/policies/custom/" + i14, schemaPath: "#/properties/policies/properties/custom/items/required", keyword: "required", params: { missingProperty: "message" }, message: "must have required property 'message'" };
                  if (vErrors === null) {
                    vErrors = [err115];
                  } else {
                    vErrors.push(err115);
                  }
                  errors++;
                }
                if (data65.match === void 0) {
                  const err116 = { instancePath: instancePath + "/policies/custom/" + i14, schemaPath: "#/properties/policies/properties/custom/items/required", keyword: "required", params: { missingProperty: "match" }, message: "must have required property 'match'" };
                  if (vErrors === null) {
                    vErrors = [err116];
                  } else {
                    vErrors.push(err116);
                  }
                  errors++;
                }
                if (data65.schema === void 0) {
                  const err117 = { instancePath: instancePath + "/policies/custom/" + i14, schemaPath: "#/properties/policies/properties/custom/items/required", keyword: "required", params: { missingProperty: "schema" }, message: "must have required property 'schema'" };
                  if (vErrors === null) {
                    vErrors = [err117];
                  } else {
                    vErrors.push(err117);
                  }
                  errors++;
                }
                for (const key13 in data65) {
                  if (!(key13 === "id" || key13 === "severity" || key13 === "message" || key13 === "match" || key13 === "schema")) {
                    const err118 = { instancePath: instancePath + "/policies/custom/" + i14, schemaPath: "#/properties/policies/properties/custom/items/additionalProperties", keyword: "additionalProperties", params: { additionalProperty: key13 }, message: "must NOT have additional properties" };
                    if (vErrors === null) {
                      vErrors = [err118];
                    } else {
                      vErrors.push(err118);
                    }
                    errors++;
                  }
                }
                if (data65.id !== void 0) {
                  let data66 = data65.id;
                  if (typeof data66 === "string") {
                    if (func3(data66) < 3) {
                      const err119 = { instancePath: instancePath + "/policies/custom/" + i14 + "/id", schemaPath: "#/properties/policies/properties/custom/items/properties/id/minLength", keyword: "minLength", params: { limit: 3 }, message: "must NOT have fewer than 3 characters" };
                      if (vErrors === null) {
                        vErrors = [err119];
                      } else {
                        vErrors.push(err119);
                      }
                      errors++;
                    }
                  } else {
                    const err120 = { instancePath: instancePath + "/policies/custom/" + i14 + "/id", schemaPath: "#/properties/policies/properties/custom/items/properties/id/type", keyword: "type", params: { type: "string" }, message: "must be string" };
                    if (vErrors === null) {
                      vErrors = [err120];
                    } else {
                      vErrors.push(err120);
                    }
                    errors++;
                  }
                }
                if (data65.severity !== void 0) {
                  let data67 = data65.severity;
                  if (!(data67 === "error" || data67 === "warning" || data67 === "info")) {
                    const err121 = { instancePath: instancePath + "/policies/custom/" + i14 + "/severity", schemaPath: "#/properties/policies/properties/custom/items/properties/severity/enum", keyword: "enum", params: { allowedValues: schema11.properties.policies.properties.custom.items.properties.severity.enum }, message: "must be equal to one of the allowed values" };
                    if (vErrors === null) {
                      vErrors = [err121];
                    } else {
                      vErrors.push(err121);
                    }
                    errors++;
                  }
                }
                if (data65.message !== void 0) {
                  let data68 = data65.message;
                  if (typeof data68 === "string") {
                    if (func3(data68) < 1) {
                      const err122 = { instancePath: instancePath + "/policies/custom/" + i14 + "/message", schemaPath: "#/properties/policies/properties/custom/items/properties/message/minLength", keyword: "minLength", params: { limit: 1 }, message: "must NOT have fewer than 1 characters" };
                      if (vErrors === null) {
                        vErrors = [err122];
                      } else {
                        vErrors.push(err122);
                      }
                      errors++;
                    }
                  } else {
                    const err123 = { instancePath: instancePath + "/policies/custom/" + i14 + "/message", schemaPath: "#/properties/policies/properties/custom/items/properties/message/type", keyword: "type", params: { type: "string" }, message: "must be string" };
                    if (vErrors === null) {
                      vErrors = [err123];
                    } else {
                      vErrors.push(err123);
                    }
                    errors++;
                  }
                }
                if (data65.match !== void 0) {
                  let data69 = data65.match;
                  if (data69 && typeof data69 == "object" && !Array.isArray(data69)) {
                    if (data69.target === void 0) {
                      const err124 = { instancePath: instancePath + "/policies/custom/" + i14 + "/match", schemaPath: "#/properties/policies/properties/custom/items/properties/match/required", keyword: "required", params: { missingProperty: "target" }, message: "must have required property 'target'" };
                      if (vErrors === null) {
                        vErrors = [err124];
                      } else {
                        vErrors.push(err124);
                      }
                      errors++;
                    }
                    for (const key14 in data69) {
                      if (!(key14 === "target" || key14 === "kinds" || key14 === "apiVersions" || key14 === "namespaces")) {
                        const err125 = { instancePath: instancePath + "/policies/custom/" + i14 + "/match", schemaPath: "#/properties/policies/properties/custom/items/properties/match/additionalProperties", keyword: "additionalProperties", params: { additionalProperty: key14 }, message: "must NOT have additional properties" };
                        if (vErrors === null) {
                          vErrors = [err125];
                        } else {
                          vErrors.push(err125);
                        }
                        errors++;
                      }
                    }
                    if (data69.target !== void 0) {
                      let data70 = data69.target;
                      if (!(data70 === "k8s" || data70 === "dockerfile")) {
                        const err126 = { instancePath: instancePath + "/policies/custom/" + i14 + "/match/target", schemaPath: "#/properties/policies/properties/custom/items/properties/match/properties/target/enum", keyword: "enum", params: { allowedValues: schema11.properties.policies.properties.custom.items.properties.match.properties.target.enum }, message: "must be equal to one of the allowed values" };
                        if (vErrors === null) {
                          vErrors = [err126];
                        } else {
                          vErrors.push(err126);
                        }
                        errors++;
                      }
                    }
                    if (data69.kinds !== void 0) {
                      let data71 = data69.kinds;
                      if (Array.isArray(data71)) {
                        const len16 = data71.length;
                        for (let i15 = 0; i15 < len16; i15++) {
                          let data72 = data71[i15];
                          if (typeof data72 === "string") {
                            if (func3(data72) < 1) {
                              const err127 = { instancePath: instancePath + "/policies/custom/" + i14 + "/match/kinds/" + i15, schemaPath: "#/properties/policies/properties/custom/items/properties/match/properties/kinds/items/minLength", keyword: "minLength", params: { limit: 1 }, message: "must NOT have fewer than 1 characters" };
                              if (vErrors === null) {
                                vErrors = [err127];
                              } else {
                                vErrors.push(err127);
                              }
                              errors++;
                            }
                          } else {
                            const err128 = { instancePath: instancePath + "/policies/custom/" + i14 + "/match/kinds/" + i15, schemaPath: "#/properties/policies/properties/custom/items/properties/match/properties/kinds/items/type", keyword: "type", params: { type: "string" }, message: "must be string" };
                            if (vErrors === null) {
                              vErrors = [err128];
                            } else {
                              vErrors.push(err128);
                            }
                            errors++;
                          }
                        }
                      } else {
                        const err129 = { instancePath: instancePath + "/policies/custom/" + i14 + "/match/kinds", schemaPath: "#/properties/policies/properties/custom/items/properties/match/properties/kinds/type", keyword: "type", params: { type: "array" }, message: "must be array" };
                        if (vErrors === null) {
                          vErrors = [err129];
                        } else {
                          vErrors.push(err129);
                        }
                        errors++;
                      }
                    }
                    if (data69.apiVersions !== void 0) {
                      let data73 = data69.apiVersions;
                      if (Array.isArray(data73)) {
                        const len17 = data73.length;
                        for (let i16 = 0; i16 < len17; i16++) {
                          let data74 = data73[i16];
                          if (typeof data74 === "string") {
                            if (func3(data74) < 1) {
                              const err130 = { instancePath: instancePath + "/policies/custom/" + i14 + "/match/apiVersions/" + i16, schemaPath: "#/properties/policies/properties/custom/items/properties/match/properties/apiVersions/items/minLength", keyword: "minLength", params: { limit: 1 }, message: "must NOT have fewer than 1 characters" };
                              if (vErrors === null) {
                                vErrors = [err130];
                              } else {
                                vErrors.push(err130);
                              }
                              errors++;
                            }
                          } else {
                            const err131 = { instancePath: instancePath + "/policies/custom/" + i14 + "/match/apiVersions/" + i16, schemaPath: "#/properties/policies/properties/custom/items/properties/match/properties/apiVersions/items/type", keyword: "type", params: { type: "string" }, message: "must be string" };
                            if (vErrors === null) {
                              vErrors = [err131];
                            } else {
                              vErrors.push(err131);
                            }
                            errors++;
                          }
                        }
                      } else {
                        const err132 = { instancePath: instancePath + "/policies/custom/" + i14 + "/match/apiVersions", schemaPath: "#/properties/policies/properties/custom/items/properties/match/properties/apiVersions/type", keyword: "type", params: { type: "array" }, message: "must be array" };
                        if (vErrors === null) {
                          vErrors = [err132];
                        } else {
                          vErrors.push(err132);
                        }
                        errors++;
                      }
                    }
                    if (data69.namespaces !== void 0) {
                      let data75 = data69.namespaces;
                      if (Array.isArray(data75)) {
                        const len18 = data75.length;
                        for (let i17 = 0; i17 < len18; i17++) {
                          let data76 = data75[i17];
                          if (typeof data76 === "string") {
                            if (func3(data76) < 1) {
                              const err133 = { instancePath: instancePath + "/policies/custom/" + i14 + "/match/namespaces/" + i17, schemaPath: "#/properties/policies/properties/custom/items/properties/match/properties/namespaces/items/minLength", keyword: "minLength", params: { limit: 1 }, message: "must NOT have fewer than 1 characters" };
                              if (vErrors === null) {
                                vErrors = [err133];
                              } else {
                                vErrors.push(err133);
                              }
                              errors++;
                            }
                          } else {
                            const err134 = { instancePath: instancePath + "/policies/custom/" + i14 + "/match/namespaces/" + i17, schemaPath: "#/properties/policies/properties/custom/items/properties/match/properties/namespaces/items/type", keyword: "type", params: { type: "string" }, message: "must be string" };
                            if (vErrors === null) {
                              vErrors = [err134];
                            } else {
                              vErrors.push(err134);
                            }
                            errors++;
                          }
                        }
                      } else {
                        const err135 = { instancePath: instancePath + "/policies/custom/" + i14 + "/match/namespaces", schemaPath: "#/properties/policies/properties/custom/items/properties/match/properties/namespaces/type", keyword: "type", params: { type: "array" }, message: "must be array" };
                        if (vErrors === null) {
                          vErrors = [err135];
                        } else {
                          vErrors.push(err135);
                        }
                        errors++;
                      }
                    }
                  } else {
                    const err136 = { instancePath: instancePath + "/policies/custom/" + i14 + "/match", schemaPath: "#/properties/policies/properties/custom/items/properties/match/type", keyword: "type", params: { type: "object" }, message: "must be object" };
                    if (vErrors === null) {
                      vErrors = [err136];
                    } else {
                      vErrors.push(err136);
                    }
                    errors++;
                  }
                }
                if (data65.schema !== void 0) {
                  let data77 = data65.schema;
                  if (!(data77 && typeof data77 == "object" && !Array.isArray(data77)) && typeof data77 !== "string") {
                    const err137 = { instancePath: instancePath + "/policies/custom/" + i14 + "/schema", schemaPath: "#/properties/policies/properties/custom/items/properties/schema/type", keyword: "type", params: { type: schema11.properties.policies.properties.custom.items.properties.schema.type }, message: "must be object,string" };
                    if (vErrors === null) {
                      vErrors = [err137];
                    } else {
                      vErrors.push(err137);
                    }
                    errors++;
                  }
                }
              } else {
                const err138 = { instancePath: instancePath + "/policies/custom/" + i14, schemaPath: "#/properties/policies/properties/custom/items/type", keyword: "type", params: { type: "object" }, message: "must be object" };
                if (vErrors === null) {
                  vErrors = [err138];
                } else {
                  vErrors.push(err138);
                }
                errors++;
              }
            }
          } else {
            const err139 = { instancePath: instancePath + "/policies/custom", schemaPath: "#/properties/policies/properties/custom/type", keyword: "type", params: { type: "array" }, message: "must be array" };
            if (vErrors === null) {
              vErrors = [err139];
            } else {
              vErrors.push(err139);
            }
            errors++;
          }
        }
      } else {
        const err140 = { instancePath: instancePath + "/policies", schemaPath: "#/properties/policies/type", keyword: "type", params: { type: "object" }, message: "must be object" };
        if (vErrors === null) {
          vErrors = [err140];
        } else {
          vErrors.push(err140);
        }
        errors++;
      }
    }
  } else {
    const err141 = { instancePath, schemaPath: "#/type", keyword: "type", params: { type: "object" }, message: "must be object" };
    if (vErrors === null) {
      vErrors = [err141];
    } else {
      vErrors.push(err141);
    }
    errors++;
  }
  validate10.errors = vErrors;
  return errors === 0;
}

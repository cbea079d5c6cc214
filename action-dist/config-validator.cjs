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
var schema11 = { "$schema": "http://json-schema.org/draft-07/schema#", "$id": "https://genai-lint.dev/schemas/config.schema.json", "title": "genai-lint configuration (.genai-lint.yaml)", "type": "object", "additionalProperties": false, "properties": { "rules": { "description": "Severity per rule id, or [severity, options].", "type": "object", "additionalProperties": { "anyOf": [{ "$ref": "#/definitions/severitySetting" }, { "type": "array", "minItems": 1, "maxItems": 2, "items": [{ "$ref": "#/definitions/severitySetting" }, { "type": "object" }] }] } }, "ignorePaths": { "description": "Gitignore-style patterns, relative to the config file's directory, of paths not to lint.", "type": "array", "items": { "type": "string", "minLength": 1 } }, "failOn": { "description": "Lowest severity that makes the run exit 1.", "enum": ["error", "warning", "info"] }, "gpu": { "description": "Extra GPU facts for the GPU-aware rules.", "type": "object", "additionalProperties": false, "properties": { "resources": { "description": "Extra extended-resource names that are GPUs/accelerators; a trailing * matches a prefix.", "type": "array", "items": { "type": "string", "minLength": 1 } }, "taintKeys": { "description": "Extra taints that GPU nodes carry, as `key` or `key=value`.", "type": "array", "items": { "type": "string", "minLength": 1 } } } }, "platform": { "description": "Where the manifests run; sets platform defaults (docs/configuration.md).", "enum": ["generic", "gke", "eks", "aks", "openshift"] }, "kubernetesVersion": { "description": 'Target Kubernetes minor version for version-dependent rules, e.g. "1.32".', "type": "string", "pattern": "^1\\.[0-9]+$" }, "schemas": { "description": "JSON Schemas for your own kinds (CRDs), validated by k8s/schema like the built-in kinds.", "type": "array", "items": { "type": "object", "additionalProperties": false, "required": ["apiVersion", "kind", "schema"], "properties": { "apiVersion": { "type": "string", "minLength": 1 }, "kind": { "type": "string", "minLength": 1 }, "schema": { "description": "Path to a .json or .yaml JSON Schema file, relative to the config file.", "type": "string", "minLength": 1 } } } }, "vendoredDirs": { "description": "Names of directories holding vendored third-party code, skipped wherever they appear in the tree (default vendor, third_party); [] lints them. A directory named on the command line is always linted.", "type": "array", "items": { "type": "string", "minLength": 1, "pattern": "^[^/]+$" } }, "maxFileSizeMB": { "description": "Files larger than this many megabytes are skipped with a finding (default 5).", "type": "number", "exclusiveMinimum": 0 }, "extends": { "description": "Presets (genai-lint:recommended, genai-lint:strict) and relative paths of other configs, merged in order; this file's own settings win. One entry may be written as a plain string.", "anyOf": [{ "type": "string", "minLength": 1 }, { "type": "array", "items": { "type": "string", "minLength": 1 } }] }, "policies": { "description": "Organisation policies (off until configured).", "type": "object", "additionalProperties": false, "properties": { "trustedRegistries": { "description": "Image patterns every image must match (docker.io short names normalised; * matches anything).", "type": "array", "items": { "type": "string", "minLength": 1 } }, "requiredLabels": { "type": "object", "additionalProperties": false, "properties": { "kinds": { "description": "Kubernetes kinds that must carry the labels (default: workloads).", "type": "array", "items": { "type": "string", "minLength": 1 } }, "labels": { "type": "object", "additionalProperties": { "type": ["string", "null"] } }, "annotations": { "type": "object", "additionalProperties": { "type": ["string", "null"] } }, "dockerfileLabels": { "type": "array", "items": { "type": "string", "minLength": 1 } } } }, "resourceCaps": { "type": "object", "additionalProperties": false, "properties": { "maxGpusPerPod": { "type": "integer", "minimum": 0 }, "allowedGpuResources": { "type": "array", "items": { "type": "string", "minLength": 1 } }, "maxMemoryLimit": { "type": ["string", "number"] }, "maxWorkloadGpus": { "type": "integer", "minimum": 0 }, "namespaces": { "description": "Apply the caps only to objects in these namespaces (default: everywhere).", "type": "array", "items": { "type": "string", "minLength": 1 } } } }, "allowedBaseImages": { "type": "object", "additionalProperties": false, "properties": { "allowed": { "type": "array", "items": { "type": "string", "minLength": 1 } }, "banned": { "type": "array", "items": { "type": "string", "minLength": 1 } } } }, "custom": { "type": "array", "items": { "type": "object", "additionalProperties": false, "required": ["id", "message", "match", "schema"], "properties": { "id": { "type": "string", "minLength": 3 }, "severity": { "enum": ["error", "warning", "info"] }, "message": { "type": "string", "minLength": 1 }, "match": { "type": "object", "additionalProperties": false, "required": ["target"], "properties": { "target": { "enum": ["k8s", "dockerfile"] }, "kinds": { "type": "array", "items": { "type": "string", "minLength": 1 } }, "apiVersions": { "type": "array", "items": { "type": "string", "minLength": 1 } }, "namespaces": { "type": "array", "items": { "type": "string", "minLength": 1 } } } }, "schema": { "description": "A JSON Schema, inline or a path to a .json/.yaml file next to the config.", "type": ["object", "string"] } } } } } } }, "definitions": { "severitySetting": { "enum": ["off", "info", "warning", "error"] } } };
var schema12 = { "enum": ["off", "info", "warning", "error"] };
var func2 = Object.prototype.hasOwnProperty;
var func3 = require_ucs2length().default;
var pattern0 = new RegExp("^1\\.[0-9]+$", "u");
var pattern1 = new RegExp("^[^/]+$", "u");
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
    if (data.maxFileSizeMB !== void 0) {
      let data21 = data.maxFileSizeMB;
      if (typeof data21 == "number") {
        if (data21 <= 0 || isNaN(data21)) {
          const err40 = { instancePath: instancePath + "/maxFileSizeMB", schemaPath: "#/properties/maxFileSizeMB/exclusiveMinimum", keyword: "exclusiveMinimum", params: { comparison: ">", limit: 0 }, message: "must be > 0" };
          if (vErrors === null) {
            vErrors = [err40];
          } else {
            vErrors.push(err40);
          }
          errors++;
        }
      } else {
        const err41 = { instancePath: instancePath + "/maxFileSizeMB", schemaPath: "#/properties/maxFileSizeMB/type", keyword: "type", params: { type: "number" }, message: "must be number" };
        if (vErrors === null) {
          vErrors = [err41];
        } else {
          vErrors.push(err41);
        }
        errors++;
      }
    }
    if (data.extends !== void 0) {
      let data22 = data.extends;
      const _errs52 = errors;
      let valid18 = false;
      const _errs53 = errors;
      if (typeof data22 === "string") {
        if (func3(data22) < 1) {
          const err42 = { instancePath: instancePath + "/extends", schemaPath: "#/properties/extends/anyOf/0/minLength", keyword: "minLength", params: { limit: 1 }, message: "must NOT have fewer than 1 characters" };
          if (vErrors === null) {
            vErrors = [err42];
          } else {
            vErrors.push(err42);
          }
          errors++;
        }
      } else {
        const err43 = { instancePath: instancePath + "/extends", schemaPath: "#/properties/extends/anyOf/0/type", keyword: "type", params: { type: "string" }, message: "must be string" };
        if (vErrors === null) {
          vErrors = [err43];
        } else {
          vErrors.push(err43);
        }
        errors++;
      }
      var _valid1 = _errs53 === errors;
      valid18 = valid18 || _valid1;
      if (!valid18) {
        const _errs55 = errors;
        if (Array.isArray(data22)) {
          const len6 = data22.length;
          for (let i5 = 0; i5 < len6; i5++) {
            let data23 = data22[i5];
            if (typeof data23 === "string") {
              if (func3(data23) < 1) {
                const err44 = { instancePath: instancePath + "/extends/" + i5, schemaPath: "#/properties/extends/anyOf/1/items/minLength", keyword: "minLength", params: { limit: 1 }, message: "must NOT have fewer than 1 characters" };
                if (vErrors === null) {
                  vErrors = [err44];
                } else {
                  vErrors.push(err44);
                }
                errors++;
              }
            } else {
              const err45 = { instancePath: instancePath + "/extends/" + i5, schemaPath: "#/properties/extends/anyOf/1/items/type", keyword: "type", params: { type: "string" }, message: "must be string" };
              if (vErrors === null) {
                vErrors = [err45];
              } else {
                vErrors.push(err45);
              }
              errors++;
            }
          }
        } else {
          const err46 = { instancePath: instancePath + "/extends", schemaPath: "#/properties/extends/anyOf/1/type", keyword: "type", params: { type: "array" }, message: "must be array" };
          if (vErrors === null) {
            vErrors = [err46];
          } else {
            vErrors.push(err46);
          }
          errors++;
        }
        var _valid1 = _errs55 === errors;
        valid18 = valid18 || _valid1;
      }
      if (!valid18) {
        const err47 = { instancePath: instancePath + "/extends", schemaPath: "#/properties/extends/anyOf", keyword: "anyOf", params: {}, message: "must match a schema in anyOf" };
        if (vErrors === null) {
          vErrors = [err47];
        } else {
          vErrors.push(err47);
        }
        errors++;
      } else {
        errors = _errs52;
        if (vErrors !== null) {
          if (_errs52) {
            vErrors.length = _errs52;
          } else {
            vErrors = null;
          }
        }
      }
    }
    if (data.policies !== void 0) {
      let data24 = data.policies;
      if (data24 && typeof data24 == "object" && !Array.isArray(data24)) {
        for (const key4 in data24) {
          if (!(key4 === "trustedRegistries" || key4 === "requiredLabels" || key4 === "resourceCaps" || key4 === "allowedBaseImages" || key4 === "custom")) {
            const err48 = { instancePath: instancePath + "/policies", schemaPath: "#/properties/policies/additionalProperties", keyword: "additionalProperties", params: { additionalProperty: key4 }, message: "must NOT have additional properties" };
            if (vErrors === null) {
              vErrors = [err48];
            } else {
              vErrors.push(err48);
            }
            errors++;
          }
        }
        if (data24.trustedRegistries !== void 0) {
          let data25 = data24.trustedRegistries;
          if (Array.isArray(data25)) {
            const len7 = data25.length;
            for (let i6 = 0; i6 < len7; i6++) {
              let data26 = data25[i6];
              if (typeof data26 === "string") {
                if (func3(data26) < 1) {
                  const err49 = { instancePath: instancePath + "/policies/trustedRegistries/" + i6, schemaPath: "#/properties/policies/properties/trustedRegistries/items/minLength", keyword: "minLength", params: { limit: 1 }, message: "must NOT have fewer than 1 characters" };
                  if (vErrors === null) {
                    vErrors = [err49];
                  } else {
                    vErrors.push(err49);
                  }
                  errors++;
                }
              } else {
                const err50 = { instancePath: instancePath + "/policies/trustedRegistries/" + i6, schemaPath: "#/properties/policies/properties/trustedRegistries/items/type", keyword: "type", params: { type: "string" }, message: "must be string" };
                if (vErrors === null) {
                  vErrors = [err50];
                } else {
                  vErrors.push(err50);
                }
                errors++;
              }
            }
          } else {
            const err51 = { instancePath: instancePath + "/policies/trustedRegistries", schemaPath: "#/properties/policies/properties/trustedRegistries/type", keyword: "type", params: { type: "array" }, message: "must be array" };
            if (vErrors === null) {
              vErrors = [err51];
            } else {
              vErrors.push(err51);
            }
            errors++;
          }
        }
        if (data24.requiredLabels !== void 0) {
          let data27 = data24.requiredLabels;
          if (data27 && typeof data27 == "object" && !Array.isArray(data27)) {
            for (const key5 in data27) {
              if (!(key5 === "kinds" || key5 === "labels" || key5 === "annotations" || key5 === "dockerfileLabels")) {
                const err52 = { instancePath: instancePath + "/policies/requiredLabels", schemaPath: "#/properties/policies/properties/requiredLabels/additionalProperties", keyword: "additionalProperties", params: { additionalProperty: key5 }, message: "must NOT have additional properties" };
                if (vErrors === null) {
                  vErrors = [err52];
                } else {
                  vErrors.push(err52);
                }
                errors++;
              }
            }
            if (data27.kinds !== void 0) {
              let data28 = data27.kinds;
              if (Array.isArray(data28)) {
                const len8 = data28.length;
                for (let i7 = 0; i7 < len8; i7++) {
                  let data29 = data28[i7];
                  if (typeof data29 === "string") {
                    if (func3(data29) < 1) {
                      const err53 = { instancePath: instancePath + "/policies/requiredLabels/kinds/" + i7, schemaPath: "#/properties/policies/properties/requiredLabels/properties/kinds/items/minLength", keyword: "minLength", params: { limit: 1 }, message: "must NOT have fewer than 1 characters" };
                      if (vErrors === null) {
                        vErrors = [err53];
                      } else {
                        vErrors.push(err53);
                      }
                      errors++;
                    }
                  } else {
                    const err54 = { instancePath: instancePath + "/policies/requiredLabels/kinds/" + i7, schemaPath: "#/properties/policies/properties/requiredLabels/properties/kinds/items/type", keyword: "type", params: { type: "string" }, message: "must be string" };
                    if (vErrors === null) {
                      vErrors = [err54];
                    } else {
                      vErrors.push(err54);
                    }
                    errors++;
                  }
                }
              } else {
                const err55 = { instancePath: instancePath + "/policies/requiredLabels/kinds", schemaPath: "#/properties/policies/properties/requiredLabels/properties/kinds/type", keyword: "type", params: { type: "array" }, message: "must be array" };
                if (vErrors === null) {
                  vErrors = [err55];
                } else {
                  vErrors.push(err55);
                }
                errors++;
              }
            }
            if (data27.labels !== void 0) {
              let data30 = data27.labels;
              if (data30 && typeof data30 == "object" && !Array.isArray(data30)) {
                for (const key6 in data30) {
                  let data31 = data30[key6];
                  if (typeof data31 !== "string" && data31 !== null) {
                    const err56 = { instancePath: instancePath + "/policies/requiredLabels/labels/" + key6.replace(/~/g, "~0").replace(/\//g, "~1"), schemaPath: "#/properties/policies/properties/requiredLabels/properties/labels/additionalProperties/type", keyword: "type", params: { type: schema11.properties.policies.properties.requiredLabels.properties.labels.additionalProperties.type }, message: "must be string,null" };
                    if (vErrors === null) {
                      vErrors = [err56];
                    } else {
                      vErrors.push(err56);
                    }
                    errors++;
                  }
                }
              } else {
                const err57 = { instancePath: instancePath + "/policies/requiredLabels/labels", schemaPath: "#/properties/policies/properties/requiredLabels/properties/labels/type", keyword: "type", params: { type: "object" }, message: "must be object" };
                if (vErrors === null) {
                  vErrors = [err57];
                } else {
                  vErrors.push(err57);
                }
                errors++;
              }
            }
            if (data27.annotations !== void 0) {
              let data32 = data27.annotations;
              if (data32 && typeof data32 == "object" && !Array.isArray(data32)) {
                for (const key7 in data32) {
                  let data33 = data32[key7];
                  if (typeof data33 !== "string" && data33 !== null) {
                    const err58 = { instancePath: instancePath + "/policies/requiredLabels/annotations/" + key7.replace(/~/g, "~0").replace(/\//g, "~1"), schemaPath: "#/properties/policies/properties/requiredLabels/properties/annotations/additionalProperties/type", keyword: "type", params: { type: schema11.properties.policies.properties.requiredLabels.properties.annotations.additionalProperties.type }, message: "must be string,null" };
                    if (vErrors === null) {
                      vErrors = [err58];
                    } else {
                      vErrors.push(err58);
                    }
                    errors++;
                  }
                }
              } else {
                const err59 = { instancePath: instancePath + "/policies/requiredLabels/annotations", schemaPath: "#/properties/policies/properties/requiredLabels/properties/annotations/type", keyword: "type", params: { type: "object" }, message: "must be object" };
                if (vErrors === null) {
                  vErrors = [err59];
                } else {
                  vErrors.push(err59);
                }
                errors++;
              }
            }
            if (data27.dockerfileLabels !== void 0) {
              let data34 = data27.dockerfileLabels;
              if (Array.isArray(data34)) {
                const len9 = data34.length;
                for (let i8 = 0; i8 < len9; i8++) {
                  let data35 = data34[i8];
                  if (typeof data35 === "string") {
                    if (func3(data35) < 1) {
                      const err60 = { instancePath: instancePath + "/policies/requiredLabels/dockerfileLabels/" + i8, schemaPath: "#/properties/policies/properties/requiredLabels/properties/dockerfileLabels/items/minLength", keyword: "minLength", params: { limit: 1 }, message: "must NOT have fewer than 1 characters" };
                      if (vErrors === null) {
                        vErrors = [err60];
                      } else {
                        vErrors.push(err60);
                      }
                      errors++;
                    }
                  } else {
                    const err61 = { instancePath: instancePath + "/policies/requiredLabels/dockerfileLabels/" + i8, schemaPath: "#/properties/policies/properties/requiredLabels/properties/dockerfileLabels/items/type", keyword: "type", params: { type: "string" }, message: "must be string" };
                    if (vErrors === null) {
                      vErrors = [err61];
                    } else {
                      vErrors.push(err61);
                    }
                    errors++;
                  }
                }
              } else {
                const err62 = { instancePath: instancePath + "/policies/requiredLabels/dockerfileLabels", schemaPath: "#/properties/policies/properties/requiredLabels/properties/dockerfileLabels/type", keyword: "type", params: { type: "array" }, message: "must be array" };
                if (vErrors === null) {
                  vErrors = [err62];
                } else {
                  vErrors.push(err62);
                }
                errors++;
              }
            }
          } else {
            const err63 = { instancePath: instancePath + "/policies/requiredLabels", schemaPath: "#/properties/policies/properties/requiredLabels/type", keyword: "type", params: { type: "object" }, message: "must be object" };
            if (vErrors === null) {
              vErrors = [err63];
            } else {
              vErrors.push(err63);
            }
            errors++;
          }
        }
        if (data24.resourceCaps !== void 0) {
          let data36 = data24.resourceCaps;
          if (data36 && typeof data36 == "object" && !Array.isArray(data36)) {
            for (const key8 in data36) {
              if (!(key8 === "maxGpusPerPod" || key8 === "allowedGpuResources" || key8 === "maxMemoryLimit" || key8 === "maxWorkloadGpus" || key8 === "namespaces")) {
                const err64 = { instancePath: instancePath + "/policies/resourceCaps", schemaPath: "#/properties/policies/properties/resourceCaps/additionalProperties", keyword: "additionalProperties", params: { additionalProperty: key8 }, message: "must NOT have additional properties" };
                if (vErrors === null) {
                  vErrors = [err64];
                } else {
                  vErrors.push(err64);
                }
                errors++;
              }
            }
            if (data36.maxGpusPerPod !== void 0) {
              let data37 = data36.maxGpusPerPod;
              if (!(typeof data37 == "number" && (!(data37 % 1) && !isNaN(data37)))) {
                const err65 = { instancePath: instancePath + "/policies/resourceCaps/maxGpusPerPod", schemaPath: "#/properties/policies/properties/resourceCaps/properties/maxGpusPerPod/type", keyword: "type", params: { type: "integer" }, message: "must be integer" };
                if (vErrors === null) {
                  vErrors = [err65];
                } else {
                  vErrors.push(err65);
                }
                errors++;
              }
              if (typeof data37 == "number") {
                if (data37 < 0 || isNaN(data37)) {
                  const err66 = { instancePath: instancePath + "/policies/resourceCaps/maxGpusPerPod", schemaPath: "#/properties/policies/properties/resourceCaps/properties/maxGpusPerPod/minimum", keyword: "minimum", params: { comparison: ">=", limit: 0 }, message: "must be >= 0" };
                  if (vErrors === null) {
                    vErrors = [err66];
                  } else {
                    vErrors.push(err66);
                  }
                  errors++;
                }
              }
            }
            if (data36.allowedGpuResources !== void 0) {
              let data38 = data36.allowedGpuResources;
              if (Array.isArray(data38)) {
                const len10 = data38.length;
                for (let i9 = 0; i9 < len10; i9++) {
                  let data39 = data38[i9];
                  if (typeof data39 === "string") {
                    if (func3(data39) < 1) {
                      const err67 = { instancePath: instancePath + "/policies/resourceCaps/allowedGpuResources/" + i9, schemaPath: "#/properties/policies/properties/resourceCaps/properties/allowedGpuResources/items/minLength", keyword: "minLength", params: { limit: 1 }, message: "must NOT have fewer than 1 characters" };
                      if (vErrors === null) {
                        vErrors = [err67];
                      } else {
                        vErrors.push(err67);
                      }
                      errors++;
                    }
                  } else {
                    const err68 = { instancePath: instancePath + "/policies/resourceCaps/allowedGpuResources/" + i9, schemaPath: "#/properties/policies/properties/resourceCaps/properties/allowedGpuResources/items/type", keyword: "type", params: { type: "string" }, message: "must be string" };
                    if (vErrors === null) {
                      vErrors = [err68];
                    } else {
                      vErrors.push(err68);
                    }
                    errors++;
                  }
                }
              } else {
                const err69 = { instancePath: instancePath + "/policies/resourceCaps/allowedGpuResources", schemaPath: "#/properties/policies/properties/resourceCaps/properties/allowedGpuResources/type", keyword: "type", params: { type: "array" }, message: "must be array" };
                if (vErrors === null) {
                  vErrors = [err69];
                } else {
                  vErrors.push(err69);
                }
                errors++;
              }
            }
            if (data36.maxMemoryLimit !== void 0) {
              let data40 = data36.maxMemoryLimit;
              if (typeof data40 !== "string" && !(typeof data40 == "number")) {
                const err70 = { instancePath: instancePath + "/policies/resourceCaps/maxMemoryLimit", schemaPath: "#/properties/policies/properties/resourceCaps/properties/maxMemoryLimit/type", keyword: "type", params: { type: schema11.properties.policies.properties.resourceCaps.properties.maxMemoryLimit.type }, message: "must be string,number" };
                if (vErrors === null) {
                  vErrors = [err70];
                } else {
                  vErrors.push(err70);
                }
                errors++;
              }
            }
            if (data36.maxWorkloadGpus !== void 0) {
              let data41 = data36.maxWorkloadGpus;
              if (!(typeof data41 == "number" && (!(data41 % 1) && !isNaN(data41)))) {
                const err71 = { instancePath: instancePath + "/policies/resourceCaps/maxWorkloadGpus", schemaPath: "#/properties/policies/properties/resourceCaps/properties/maxWorkloadGpus/type", keyword: "type", params: { type: "integer" }, message: "must be integer" };
                if (vErrors === null) {
                  vErrors = [err71];
                } else {
                  vErrors.push(err71);
                }
                errors++;
              }
              if (typeof data41 == "number") {
                if (data41 < 0 || isNaN(data41)) {
                  const err72 = { instancePath: instancePath + "/policies/resourceCaps/maxWorkloadGpus", schemaPath: "#/properties/policies/properties/resourceCaps/properties/maxWorkloadGpus/minimum", keyword: "minimum", params: { comparison: ">=", limit: 0 }, message: "must be >= 0" };
                  if (vErrors === null) {
                    vErrors = [err72];
                  } else {
                    vErrors.push(err72);
                  }
                  errors++;
                }
              }
            }
            if (data36.namespaces !== void 0) {
              let data42 = data36.namespaces;
              if (Array.isArray(data42)) {
                const len11 = data42.length;
                for (let i10 = 0; i10 < len11; i10++) {
                  let data43 = data42[i10];
                  if (typeof data43 === "string") {
                    if (func3(data43) < 1) {
                      const err73 = { instancePath: instancePath + "/policies/resourceCaps/namespaces/" + i10, schemaPath: "#/properties/policies/properties/resourceCaps/properties/namespaces/items/minLength", keyword: "minLength", params: { limit: 1 }, message: "must NOT have fewer than 1 characters" };
                      if (vErrors === null) {
                        vErrors = [err73];
                      } else {
                        vErrors.push(err73);
                      }
                      errors++;
                    }
                  } else {
                    const err74 = { instancePath: instancePath + "/policies/resourceCaps/namespaces/" + i10, schemaPath: "#/properties/policies/properties/resourceCaps/properties/namespaces/items/type", keyword: "type", params: { type: "string" }, message: "must be string" };
                    if (vErrors === null) {
                      vErrors = [err74];
                    } else {
                      vErrors.push(err74);
                    }
                    errors++;
                  }
                }
              } else {
                const err75 = { instancePath: instancePath + "/policies/resourceCaps/namespaces", schemaPath: "#/properties/policies/properties/resourceCaps/properties/namespaces/type", keyword: "type", params: { type: "array" }, message: "must be array" };
                if (vErrors === null) {
                  vErrors = [err75];
                } else {
                  vErrors.push(err75);
                }
                errors++;
              }
            }
          } else {
            const err76 = { instancePath: instancePath + "/policies/resourceCaps", schemaPath: "#/properties/policies/properties/resourceCaps/type", keyword: "type", params: { type: "object" }, message: "must be object" };
            if (vErrors === null) {
              vErrors = [err76];
            } else {
              vErrors.push(err76);
            }
            errors++;
          }
        }
        if (data24.allowedBaseImages !== void 0) {
          let data44 = data24.allowedBaseImages;
          if (data44 && typeof data44 == "object" && !Array.isArray(data44)) {
            for (const key9 in data44) {
              if (!(key9 === "allowed" || key9 === "banned")) {
                const err77 = { instancePath: instancePath + "/policies/allowedBaseImages", schemaPath: "#/properties/policies/properties/allowedBaseImages/additionalProperties", keyword: "additionalProperties", params: { additionalProperty: key9 }, message: "must NOT have additional properties" };
                if (vErrors === null) {
                  vErrors = [err77];
                } else {
                  vErrors.push(err77);
                }
                errors++;
              }
            }
            if (data44.allowed !== void 0) {
              let data45 = data44.allowed;
              if (Array.isArray(data45)) {
                const len12 = data45.length;
                for (let i11 = 0; i11 < len12; i11++) {
                  let data46 = data45[i11];
                  if (typeof data46 === "string") {
                    if (func3(data46) < 1) {
                      const err78 = { instancePath: instancePath + "/policies/allowedBaseImages/allowed/" + i11, schemaPath: "#/properties/policies/properties/allowedBaseImages/properties/allowed/items/minLength", keyword: "minLength", params: { limit: 1 }, message: "must NOT have fewer than 1 characters" };
                      if (vErrors === null) {
                        vErrors = [err78];
                      } else {
                        vErrors.push(err78);
                      }
                      errors++;
                    }
                  } else {
                    const err79 = { instancePath: instancePath + "/policies/allowedBaseImages/allowed/" + i11, schemaPath: "#/properties/policies/properties/allowedBaseImages/properties/allowed/items/type", keyword: "type", params: { type: "string" }, message: "must be string" };
                    if (vErrors === null) {
                      vErrors = [err79];
                    } else {
                      vErrors.push(err79);
                    }
                    errors++;
                  }
                }
              } else {
                const err80 = { instancePath: instancePath + "/policies/allowedBaseImages/allowed", schemaPath: "#/properties/policies/properties/allowedBaseImages/properties/allowed/type", keyword: "type", params: { type: "array" }, message: "must be array" };
                if (vErrors === null) {
                  vErrors = [err80];
                } else {
                  vErrors.push(err80);
                }
                errors++;
              }
            }
            if (data44.banned !== void 0) {
              let data47 = data44.banned;
              if (Array.isArray(data47)) {
                const len13 = data47.length;
                for (let i12 = 0; i12 < len13; i12++) {
                  let data48 = data47[i12];
                  if (typeof data48 === "string") {
                    if (func3(data48) < 1) {
                      const err81 = { instancePath: instancePath + "/policies/allowedBaseImages/banned/" + i12, schemaPath: "#/properties/policies/properties/allowedBaseImages/properties/banned/items/minLength", keyword: "minLength", params: { limit: 1 }, message: "must NOT have fewer than 1 characters" };
                      if (vErrors === null) {
                        vErrors = [err81];
                      } else {
                        vErrors.push(err81);
                      }
                      errors++;
                    }
                  } else {
                    const err82 = { instancePath: instancePath + "/policies/allowedBaseImages/banned/" + i12, schemaPath: "#/properties/policies/properties/allowedBaseImages/properties/banned/items/type", keyword: "type", params: { type: "string" }, message: "must be string" };
                    if (vErrors === null) {
                      vErrors = [err82];
                    } else {
                      vErrors.push(err82);
                    }
                    errors++;
                  }
                }
              } else {
                const err83 = { instancePath: instancePath + "/policies/allowedBaseImages/banned", schemaPath: "#/properties/policies/properties/allowedBaseImages/properties/banned/type", keyword: "type", params: { type: "array" }, message: "must be array" };
                if (vErrors === null) {
                  vErrors = [err83];
                } else {
                  vErrors.push(err83);
                }
                errors++;
              }
            }
          } else {
            const err84 = { instancePath: instancePath + "/policies/allowedBaseImages", schemaPath: "#/properties/policies/properties/allowedBaseImages/type", keyword: "type", params: { type: "object" }, message: "must be object" };
            if (vErrors === null) {
              vErrors = [err84];
            } else {
              vErrors.push(err84);
            }
            errors++;
          }
        }
        if (data24.custom !== void 0) {
          let data49 = data24.custom;
          if (Array.isArray(data49)) {
            const len14 = data49.length;
            for (let i13 = 0; i13 < len14; i13++) {
              let data50 = data49[i13];
              if (data50 && typeof data50 == "object" && !Array.isArray(data50)) {
                if (data50.id === void 0) {
                  const err85 = { instancePath: instancePath + "/policies/custom/" + i13, schemaPath: "#/properties/policies/properties/custom/items/required", keyword: "required", params: { missingProperty: "id" }, message: "must have required property 'id'" };
                  if (vErrors === null) {
                    vErrors = [err85];
                  } else {
                    vErrors.push(err85);
                  }
                  errors++;
                }
                if (data50.message === void 0) {
                  const err86 = { instancePath: instancePath + "/policies/custom/" + i13, schemaPath: "#/properties/policies/properties/custom/items/required", keyword: "required", params: { missingProperty: "message" }, message: "must have required property 'message'" };
                  if (vErrors === null) {
                    vErrors = [err86];
                  } else {
                    vErrors.push(err86);
                  }
                  errors++;
                }
                if (data50.match === void 0) {
                  const err87 = { instancePath: instancePath + "/policies/custom/" + i13, schemaPath: "#/properties/policies/properties/custom/items/required", keyword: "required", params: { missingProperty: "match" }, message: "must have required property 'match'" };
                  if (vErrors === null) {
                    vErrors = [err87];
                  } else {
                    vErrors.push(err87);
                  }
                  errors++;
                }
                if (data50.schema === void 0) {
                  const err88 = { instancePath: instancePath + "/policies/custom/" + i13, schemaPath: "#/properties/policies/properties/custom/items/required", keyword: "required", params: { missingProperty: "schema" }, message: "must have required property 'schema'" };
                  if (vErrors === null) {
                    vErrors = [err88];
                  } else {
                    vErrors.push(err88);
                  }
                  errors++;
                }
                for (const key10 in data50) {
                  if (!(key10 === "id" || key10 === "severity" || key10 === "message" || key10 === "match" || key10 === "schema")) {
                    const err89 = { instancePath: instancePath + "/policies/custom/" + i13, schemaPath: "#/properties/policies/properties/custom/items/additionalProperties", keyword: "additionalProperties", params: { additionalProperty: key10 }, message: "must NOT have additional properties" };
                    if (vErrors === null) {
                      vErrors = [err89];
                    } else {
                      vErrors.push(err89);
                    }
                    errors++;
                  }
                }
                if (data50.id !== void 0) {
                  let data51 = data50.id;
                  if (typeof data51 === "string") {
                    if (func3(data51) < 3) {
                      const err90 = { instancePath: instancePath + "/policies/custom/" + i13 + "/id", schemaPath: "#/properties/policies/properties/custom/items/properties/id/minLength", keyword: "minLength", params: { limit: 3 }, message: "must NOT have fewer than 3 characters" };
                      if (vErrors === null) {
                        vErrors = [err90];
                      } else {
                        vErrors.push(err90);
                      }
                      errors++;
                    }
                  } else {
                    const err91 = { instancePath: instancePath + "/policies/custom/" + i13 + "/id", schemaPath: "#/properties/policies/properties/custom/items/properties/id/type", keyword: "type", params: { type: "string" }, message: "must be string" };
                    if (vErrors === null) {
                      vErrors = [err91];
                    } else {
                      vErrors.push(err91);
                    }
                    errors++;
                  }
                }
                if (data50.severity !== void 0) {
                  let data52 = data50.severity;
                  if (!(data52 === "error" || data52 === "warning" || data52 === "info")) {
                    const err92 = { instancePath: instancePath + "/policies/custom/" + i13 + "/severity", schemaPath: "#/properties/policies/properties/custom/items/properties/severity/enum", keyword: "enum", params: { allowedValues: schema11.properties.policies.properties.custom.items.properties.severity.enum }, message: "must be equal to one of the allowed values" };
                    if (vErrors === null) {
                      vErrors = [err92];
                    } else {
                      vErrors.push(err92);
                    }
                    errors++;
                  }
                }
                if (data50.message !== void 0) {
                  let data53 = data50.message;
                  if (typeof data53 === "string") {
                    if (func3(data53) < 1) {
                      const err93 = { instancePath: instancePath + "/policies/custom/" + i13 + "/message", schemaPath: "#/properties/policies/properties/custom/items/properties/message/minLength", keyword: "minLength", params: { limit: 1 }, message: "must NOT have fewer than 1 characters" };
                      if (vErrors === null) {
                        vErrors = [err93];
                      } else {
                        vErrors.push(err93);
                      }
                      errors++;
                    }
                  } else {
                    const err94 = { instancePath: instancePath + "/policies/custom/" + i13 + "/message", schemaPath: "#/properties/policies/properties/custom/items/properties/message/type", keyword: "type", params: { type: "string" }, message: "must be string" };
                    if (vErrors === null) {
                      vErrors = [err94];
                    } else {
                      vErrors.push(err94);
                    }
                    errors++;
                  }
                }
                if (data50.match !== void 0) {
                  let data54 = data50.match;
                  if (data54 && typeof data54 == "object" && !Array.isArray(data54)) {
                    if (data54.target === void 0) {
                      const err95 = { instancePath: instancePath + "/policies/custom/" + i13 + "/match", schemaPath: "#/properties/policies/properties/custom/items/properties/match/required", keyword: "required", params: { missingProperty: "target" }, message: "must have required property 'target'" };
                      if (vErrors === null) {
                        vErrors = [err95];
                      } else {
                        vErrors.push(err95);
                      }
                      errors++;
                    }
                    for (const key11 in data54) {
                      if (!(key11 === "target" || key11 === "kinds" || key11 === "apiVersions" || key11 === "namespaces")) {
                        const err96 = { instancePath: instancePath + "/policies/custom/" + i13 + "/match", schemaPath: "#/properties/policies/properties/custom/items/properties/match/additionalProperties", keyword: "additionalProperties", params: { additionalProperty: key11 }, message: "must NOT have additional properties" };
                        if (vErrors === null) {
                          vErrors = [err96];
                        } else {
                          vErrors.push(err96);
                        }
                        errors++;
                      }
                    }
                    if (data54.target !== void 0) {
                      let data55 = data54.target;
                      if (!(data55 === "k8s" || data55 === "dockerfile")) {
                        const err97 = { instancePath: instancePath + "/policies/custom/" + i13 + "/match/target", schemaPath: "#/properties/policies/properties/custom/items/properties/match/properties/target/enum", keyword: "enum", params: { allowedValues: schema11.properties.policies.properties.custom.items.properties.match.properties.target.enum }, message: "must be equal to one of the allowed values" };
                        if (vErrors === null) {
                          vErrors = [err97];
                        } else {
                          vErrors.push(err97);
                        }
                        errors++;
                      }
                    }
                    if (data54.kinds !== void 0) {
                      let data56 = data54.kinds;
                      if (Array.isArray(data56)) {
                        const len15 = data56.length;
                        for (let i14 = 0; i14 < len15; i14++) {
                          let data57 = data56[i14];
                          if (typeof data57 === "string") {
                            if (func3(data57) < 1) {
                              const err98 = { instancePath: instancePath + "/policies/custom/" + i13 + "/match/kinds/" + i14, schemaPath: "#/properties/policies/properties/custom/items/properties/match/properties/kinds/items/minLength", keyword: "minLength", params: { limit: 1 }, message: "must NOT have fewer than 1 characters" };
                              if (vErrors === null) {
                                vErrors = [err98];
                              } else {
                                vErrors.push(err98);
                              }
                              errors++;
                            }
                          } else {
                            const err99 = { instancePath: instancePath + "/policies/custom/" + i13 + "/match/kinds/" + i14, schemaPath: "#/properties/policies/properties/custom/items/properties/match/properties/kinds/items/type", keyword: "type", params: { type: "string" }, message: "must be string" };
                            if (vErrors === null) {
                              vErrors = [err99];
                            } else {
                              vErrors.push(err99);
                            }
                            errors++;
                          }
                        }
                      } else {
                        const err100 = { instancePath: instancePath + "/policies/custom/" + i13 + "/match/kinds", schemaPath: "#/properties/policies/properties/custom/items/properties/match/properties/kinds/type", keyword: "type", params: { type: "array" }, message: "must be array" };
                        if (vErrors === null) {
                          vErrors = [err100];
                        } else {
                          vErrors.push(err100);
                        }
                        errors++;
                      }
                    }
                    if (data54.apiVersions !== void 0) {
                      let data58 = data54.apiVersions;
                      if (Array.isArray(data58)) {
                        const len16 = data58.length;
                        for (let i15 = 0; i15 < len16; i15++) {
                          let data59 = data58[i15];
                          if (typeof data59 === "string") {
                            if (func3(data59) < 1) {
                              const err101 = { instancePath: instancePath + "/policies/custom/" + i13 + "/match/apiVersions/" + i15, schemaPath: "#/properties/policies/properties/custom/items/properties/match/properties/apiVersions/items/minLength", keyword: "minLength", params: { limit: 1 }, message: "must NOT have fewer than 1 characters" };
                              if (vErrors === null) {
                                vErrors = [err101];
                              } else {
                                vErrors.push(err101);
                              }
                              errors++;
                            }
                          } else {
                            const err102 = { instancePath: instancePath + "/policies/custom/" + i13 + "/match/apiVersions/" + i15, schemaPath: "#/properties/policies/properties/custom/items/properties/match/properties/apiVersions/items/type", keyword: "type", params: { type: "string" }, message: "must be string" };
                            if (vErrors === null) {
                              vErrors = [err102];
                            } else {
                              vErrors.push(err102);
                            }
                            errors++;
                          }
                        }
                      } else {
                        const err103 = { instancePath: instancePath + "/policies/custom/" + i13 + "/match/apiVersions", schemaPath: "#/properties/policies/properties/custom/items/properties/match/properties/apiVersions/type", keyword: "type", params: { type: "array" }, message: "must be array" };
                        if (vErrors === null) {
                          vErrors = [err103];
                        } else {
                          vErrors.push(err103);
                        }
                        errors++;
                      }
                    }
                    if (data54.namespaces !== void 0) {
                      let data60 = data54.namespaces;
                      if (Array.isArray(data60)) {
                        const len17 = data60.length;
                        for (let i16 = 0; i16 < len17; i16++) {
                          let data61 = data60[i16];
                          if (typeof data61 === "string") {
                            if (func3(data61) < 1) {
                              const err104 = { instancePath: instancePath + "/policies/custom/" + i13 + "/match/namespaces/" + i16, schemaPath: "#/properties/policies/properties/custom/items/properties/match/properties/namespaces/items/minLength", keyword: "minLength", params: { limit: 1 }, message: "must NOT have fewer than 1 characters" };
                              if (vErrors === null) {
                                vErrors = [err104];
                              } else {
                                vErrors.push(err104);
                              }
                              errors++;
                            }
                          } else {
                            const err105 = { instancePath: instancePath + "/policies/custom/" + i13 + "/match/namespaces/" + i16, schemaPath: "#/properties/policies/properties/custom/items/properties/match/properties/namespaces/items/type", keyword: "type", params: { type: "string" }, message: "must be string" };
                            if (vErrors === null) {
                              vErrors = [err105];
                            } else {
                              vErrors.push(err105);
                            }
                            errors++;
                          }
                        }
                      } else {
                        const err106 = { instancePath: instancePath + "/policies/custom/" + i13 + "/match/namespaces", schemaPath: "#/properties/policies/properties/custom/items/properties/match/properties/namespaces/type", keyword: "type", params: { type: "array" }, message: "must be array" };
                        if (vErrors === null) {
                          vErrors = [err106];
                        } else {
                          vErrors.push(err106);
                        }
                        errors++;
                      }
                    }
                  } else {
                    const err107 = { instancePath: instancePath + "/policies/custom/" + i13 + "/match", schemaPath: "#/properties/policies/properties/custom/items/properties/match/type", keyword: "type", params: { type: "object" }, message: "must be object" };
                    if (vErrors === null) {
                      vErrors = [err107];
                    } else {
                      vErrors.push(err107);
                    }
                    errors++;
                  }
                }
                if (data50.schema !== void 0) {
                  let data62 = data50.schema;
                  if (!(data62 && typeof data62 == "object" && !Array.isArray(data62)) && typeof data62 !== "string") {
                    const err108 = { instancePath: instancePath + "/policies/custom/" + i13 + "/schema", schemaPath: "#/properties/policies/properties/custom/items/properties/schema/type", keyword: "type", params: { type: schema11.properties.policies.properties.custom.items.properties.schema.type }, message: "must be object,string" };
                    if (vErrors === null) {
                      vErrors = [err108];
                    } else {
                      vErrors.push(err108);
                    }
                    errors++;
                  }
                }
              } else {
                const err109 = { instancePath: instancePath + "/policies/custom/" + i13, schemaPath: "#/properties/policies/properties/custom/items/type", keyword: "type", params: { type: "object" }, message: "must be object" };
                if (vErrors === null) {
                  vErrors = [err109];
                } else {
                  vErrors.push(err109);
                }
                errors++;
              }
            }
          } else {
            const err110 = { instancePath: instancePath + "/policies/custom", schemaPath: "#/properties/policies/properties/custom/type", keyword: "type", params: { type: "array" }, message: "must be array" };
            if (vErrors === null) {
              vErrors = [err110];
            } else {
              vErrors.push(err110);
            }
            errors++;
          }
        }
      } else {
        const err111 = { instancePath: instancePath + "/policies", schemaPath: "#/properties/policies/type", keyword: "type", params: { type: "object" }, message: "must be object" };
        if (vErrors === null) {
          vErrors = [err111];
        } else {
          vErrors.push(err111);
        }
        errors++;
      }
    }
  } else {
    const err112 = { instancePath, schemaPath: "#/type", keyword: "type", params: { type: "object" }, message: "must be object" };
    if (vErrors === null) {
      vErrors = [err112];
    } else {
      vErrors.push(err112);
    }
    errors++;
  }
  validate10.errors = vErrors;
  return errors === 0;
}

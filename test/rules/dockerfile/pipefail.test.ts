import { it } from 'vitest';
import { ruleTester } from '../../helpers.js';

ruleTester('dockerfile/pipefail', {
  valid: [
    { name: 'no pipe', code: 'FROM debian:12\nRUN curl -fsSLo /tmp/m.tgz https://example.com/m.tgz && tar -xzf /tmp/m.tgz\n' },
    { name: 'SHELL with pipefail', code: 'FROM debian:12\nSHELL ["/bin/bash", "-o", "pipefail", "-c"]\nRUN curl -fsSL https://example.com/m.tgz | tar -xz\n' },
    { name: 'SHELL -eo pipefail, inherited from a parent stage', code: 'FROM debian:12 AS base\nSHELL ["/usr/bin/bash", "-eo", "pipefail", "-c"]\nFROM base\nRUN wget -qO- https://example.com/x | sh\n' },
    { name: 'set -o pipefail in the same RUN', code: 'FROM debian:12\nRUN set -euxo pipefail && curl -fsSL https://example.com/x | bash\n' },
    { name: 'pipes that cannot fail on the left', code: 'FROM debian:12\nRUN echo "deb https://x stable main" | tee /etc/apt/sources.list.d/x.list && yes | ./configure\n' },
    { name: 'a | inside quotes is no pipe', code: "FROM debian:12\nRUN grep -E 'cuda|cudnn' /versions.txt && sed -i 's|a|b|' /etc/x\n" },
    { name: 'PowerShell', code: 'FROM mcr.microsoft.com/powershell:7.4-ubuntu-22.04\nSHELL ["pwsh", "-c"]\nRUN Get-ChildItem | Select-Object Name\n' },
    { name: 'a heredoc script that sets pipefail', code: 'FROM debian:12\nRUN <<EOF\nset -eo pipefail\ncurl -fsSL https://example.com/x | tar -xz\nEOF\n' },
    { name: 'a pipeline as a condition, or with a fallback', code: 'FROM debian:12\nRUN if apt-cache policy cuda-compat 2>/dev/null | grep -q Candidate; then echo y; fi && ls /x | head -1 || true\n' },
    { name: 'errors of the left side sent to /dev/null', code: 'FROM debian:12\nRUN cmake --version 2>/dev/null | head -n1 > /tmp/cmake-present\n' },
    { name: 'case patterns inside $( ) do not end the substitution', code: 'FROM debian:12\nSHELL ["/bin/bash", "-o", "pipefail", "-c"]\nRUN curl -fsSL https://go.dev/dl/go.linux-$(case $(uname -m) in x86_64) echo amd64 ;; aarch64) echo arm64 ;; esac).tar.gz | tar xz -C /usr/local\n' },
    { name: 'exec form', code: 'FROM debian:12\nRUN ["bash", "-c", "curl x | tar -x"]\n' },
  ],
  invalid: [
    {
      name: 'curl | tar under /bin/sh',
      code: 'FROM debian:12\nRUN curl -fsSL https://example.com/model.tgz | tar -xz -C /models\n',
      errors: [{ line: 2, column: 5, endColumn: 9, message: '`curl ... | tar`' }],
    },
    {
      name: 'SHELL sh -o pipefail does not count (dash)',
      code: 'FROM debian:12\nSHELL ["/bin/sh", "-o", "pipefail", "-c"]\nRUN apt-get update && \\\n    wget -qO- https://example.com/key | gpg --dearmor -o /k.gpg\n',
      errors: [{ line: 4, column: 5, message: '`wget ... | gpg`' }],
    },
    {
      name: 'set -o pipefail after the pipe, and a later SHELL without it',
      code: 'FROM debian:12\nSHELL ["/bin/bash", "-o", "pipefail", "-c"]\nRUN true\nSHELL ["/bin/bash", "-c"]\nRUN cat /x | grep y; set -o pipefail\n',
      errors: [{ line: 5, column: 5, message: '`cat ... | grep`' }],
    },
    {
      name: 'the word at fault after a $( case ) substitution',
      code: 'FROM debian:12\nRUN curl -fsSL https://go.dev/dl/go.linux-$(case $(uname -m) in x86_64) echo amd64 ;; esac).tar.gz | tar xz\n',
      errors: [{ line: 2, column: 5, endColumn: 9, message: '`curl ... | tar`' }],
    },
    {
      name: 'a heredoc script',
      code: 'FROM debian:12\nRUN <<EOF\ncurl -fsSL https://example.com/x | sh\nEOF\n',
      errors: [{ line: 3, column: 1, message: 'if `curl` fails' }],
    },
  ],
});


import { ruleTester } from '../../helpers.js';

ruleTester('dockerfile/apt-hygiene', {
  valid: [
    {
      name: 'the canonical install',
      code: 'FROM ubuntu:22.04\nRUN apt-get update && apt-get install -y --no-install-recommends curl \\\n    && rm -rf /var/lib/apt/lists/*\n',
    },
    { name: 'combined short flags and -qq', code: 'FROM debian:12\nRUN apt-get update -qq && apt-get install -qqy --no-install-recommends git && rm -rf /var/lib/apt/lists/*\n' },
    { name: '-o configuration instead of flags', code: 'FROM debian:12\nRUN apt-get -o APT::Install-Recommends=false install --yes git\n' },
    { name: 'tmpfs mounts on the apt directories', code: 'FROM debian:12\nRUN --mount=type=tmpfs,target=/var/cache/apt --mount=type=tmpfs,target=/var/lib/apt apt-get update && apt-get install -y --no-install-recommends git\n' },
    { name: 'a cache mount on /var/lib/apt without one on /var/cache/apt (the lists stay out of the layer)', code: 'FROM debian:12\nRUN --mount=type=cache,target=/var/lib/apt apt-get update && apt-get install -y --no-install-recommends git\n' },
    { name: 'a cache mount on the lists', code: 'FROM debian:12\nRUN --mount=type=cache,target=/var/lib/apt/lists apt-get update && apt-get install -y --no-install-recommends git\n' },
    { name: 'apt.conf written by the Dockerfile', code: 'FROM debian:12\nRUN echo \'APT::Install-Recommends "false";\' > /etc/apt/apt.conf.d/99norecommends\nRUN apt-get install -y git\n' },
    { name: 'yes piped into install', code: 'FROM debian:12\nRUN yes | apt-get install --no-install-recommends git\n' },
    { name: 'a build stage may keep recommends and lists', code: 'FROM debian:12 AS build\nRUN apt-get update && apt-get install -y build-essential\nFROM gcr.io/distroless/cc-debian12\nCOPY --from=build /out /out\n' },
    { name: 'apt-get in a quoted string is not a command', code: 'FROM debian:12\nRUN echo "apt-get install foo" > /notes.txt\n' },
    { name: 'quiet level 2 implies -y', code: 'FROM debian:12 AS b\nRUN apt-get install -q -q git && apt-get install --quiet --quiet make && apt-get install -q=2 gcc\nFROM scratch\nCOPY --from=b /x /x\n' },
    { name: 'install with no packages (-f)', code: 'FROM debian:12\nRUN apt-get install -f\n' },
  ],
  invalid: [
    {
      name: 'peer edge case: quiet level 1 does not answer the prompt',
      code: 'FROM debian:12 AS b\nRUN apt-get install -q git && apt-get install --quiet make\nFROM scratch\nCOPY --from=b /x /x\n',
      errors: [
        { line: 2, column: 13, message: '`apt-get install` without -y in stage' },
        { line: 2, column: 39, message: '`apt-get install` without -y in stage' },
      ],
    },
    {
      name: 'missing -y and --no-install-recommends, lists kept',
      code: 'FROM nvidia/cuda:12.4.1-runtime-ubuntu22.04\nRUN apt-get update && apt-get install python3\n',
      errors: [
        { line: 2, column: 13, endColumn: 19, message: '`apt-get update` without removing /var/lib/apt/lists' },
        { line: 2, column: 31, endColumn: 38, message: 'without -y and --no-install-recommends' },
      ],
    },
    {
      name: 'recommends only, across a line continuation',
      code: 'FROM ubuntu:22.04\nRUN apt-get update \\\n && apt-get install -y \\\n      curl \\\n && rm -rf /var/lib/apt/lists/*\n',
      errors: [{ line: 3, column: 13, message: '`apt-get install` without --no-install-recommends' }],
    },
    {
      name: 'apt instead of apt-get, in a build stage only that',
      code: 'FROM debian:12 AS build\nRUN apt install -y --no-install-recommends make\nFROM scratch\nCOPY --from=build /x /x\n',
      errors: [{ line: 2, column: 5, endColumn: 8, message: '`apt install`' }],
    },
    {
      name: 'lists removed in a later RUN do not shrink the earlier layer',
      code: 'FROM debian:12\nRUN apt-get update\nRUN apt-get install -y --no-install-recommends git && rm -rf /var/lib/apt/lists/*\n',
      errors: [{ line: 2, column: 13, message: 'apt-get update' }],
    },
    {
      name: 'sudo and env prefixes, heredoc RUN',
      code: 'FROM debian:12\nRUN <<EOF\nset -e\nsudo DEBIAN_FRONTEND=noninteractive apt-get install -y git\nEOF\n',
      errors: [{ line: 4, column: 45, message: 'without --no-install-recommends' }],
    },
  ],
});


import { ruleTester } from '../../helpers.js';

ruleTester('dockerfile/cd-in-run', {
  valid: [
    { name: 'WORKDIR', code: 'FROM python:3.11\nWORKDIR /app\nRUN pip install --no-cache-dir -e .\n' },
    { name: 'inside if and for blocks', code: 'FROM python:3.11\nRUN if [ -f /b/package.sh ]; then cd /b && bash package.sh; fi && for d in a b; do cd /src/$d && make; done\n' },
    { name: 'WORKDIR . is a no-op', code: 'FROM python:3.11\nWORKDIR ./\n' },
    { name: 'a subshell', code: 'FROM python:3.11\nRUN (cd /src && make) && make -C /other\n' },
    { name: 'a scratch directory removed by the same RUN', code: 'FROM python:3.11\nRUN git clone https://github.com/org/repo /src/repo && cd /src/repo && pip install . && cd / && rm -rf /src/repo\n' },
    { name: 'into /tmp', code: 'FROM python:3.11\nRUN cd /tmp && curl -fsSLO https://example.com/x.tgz && tar xzf x.tgz\n' },
    { name: 'cd -, cd .. and variables not known', code: 'FROM python:3.11\nRUN cd $BUILD_DIR && make\nRUN cd .. && ls\n' },
    { name: 'absolute and ARG-resolved WORKDIR', code: 'FROM python:3.11\nARG APP=/srv/app\nWORKDIR $APP\nWORKDIR "/opt/x"\n' },
    { name: 'cd in a heredoc script', code: 'FROM python:3.11\nRUN <<EOF\ncd /app\nmake\nEOF\n' },
  ],
  invalid: [
    {
      name: 'cd before a command',
      code: 'FROM python:3.11\nRUN cd /app && pip install --no-cache-dir -r requirements.txt\n',
      errors: [{ line: 2, column: 5, endColumn: 7, message: '`cd /app` in RUN' }],
    },
    {
      name: 'cd at the end has no effect',
      code: 'FROM python:3.11\nRUN mkdir -p /models && \\\n    cd /models\n',
      errors: [{ line: 3, column: 5, message: 'is the last command of the RUN' }],
    },
    {
      name: 'relative WORKDIR',
      code: 'FROM python:3.11\nWORKDIR app\n',
      errors: [{ line: 2, column: 9, endColumn: 12, message: 'relative `WORKDIR app`' }],
    },
  ],
});


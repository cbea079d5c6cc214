import { ruleTester } from '../../helpers.js';

ruleTester('dockerfile/add-local', {
  valid: [
    { name: 'COPY', code: 'FROM python:3.11\nCOPY app.py /app/\n' },
    { name: 'a local archive ADD unpacks', code: 'FROM python:3.11\nADD rootfs.tar.gz /\nADD vocab.tar.xz /models/\n' },
    { name: 'a compressed file may be a tarball', code: 'FROM python:3.11\nADD "model-config.gz" /opt/\n' },
    { name: 'URL with --checksum', code: 'FROM python:3.11\nADD --checksum=sha256:24454f830cdb571e2c4ad15481119c43b3cafd48dd869a9b2945d1036d1dc68d https://example.com/tool.bin /usr/local/bin/tool\n' },
    { name: 'git source', code: 'FROM python:3.11\nADD https://github.com/org/repo.git#v1.2.0 /src\n' },
    { name: 'unresolved variable', code: 'FROM python:3.11\nADD $ARTIFACT /opt/\n' },
  ],
  invalid: [
    {
      name: 'local file',
      code: 'FROM python:3.11\nADD --chown=1000:1000 server.py config/ /app/\n',
      errors: [{ line: 2, column: 23, endColumn: 32, message: 'ADD of local `server.py` and 1 more' }],
    },
    {
      name: 'URL without checksum is info',
      code: 'FROM python:3.11\nADD https://huggingface.co/org/model/resolve/main/tokenizer.json /models/\n',
      errors: [{ line: 2, column: 5, message: 'without --checksum' }],
    },
    {
      name: 'a zip is not unpacked by ADD',
      code: 'FROM python:3.11\nADD data/eval.zip /data/\n',
      errors: [{ line: 2, column: 5, endColumn: 18, message: 'ADD of local `data/eval.zip`' }],
    },
  ],
});


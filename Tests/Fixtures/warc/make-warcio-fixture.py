# Makes warcio.warc.gz beside this script with warcio 1.8.1 (pip install warcio==1.8.1): python3 make-warcio-fixture.py
import gzip, io, os
from warcio.warcwriter import WARCWriter
from warcio.statusandheaders import StatusAndHeaders

def chunked(data, size=700):
    out = b''
    for i in range(0, len(data), size):
        part = data[i:i + size]
        out += b'%x\r\n' % len(part) + part + b'\r\n'
    return out + b'0\r\n\r\n'

page = ('<html><head><meta charset="utf-8"><title>Chuyển đổi số</title></head>'
        '<body><article><p>' + 'Tiếng Việt có dấu. ' * 120 + '</p></article></body></html>').encode('utf-8')

with open(os.path.join(os.path.dirname(os.path.abspath(__file__)), 'warcio.warc.gz'), 'wb') as output:
    writer = WARCWriter(output, gzip=True, warc_version='1.1')
    writer.write_record(writer.create_warcinfo_record('warcio.warc.gz', {'software': 'warcio 1.8.1', 'format': 'WARC File Format 1.1'}))
    request = StatusAndHeaders('GET / HTTP/1.1', [('Host', 'example.com')], is_http_request=True)
    writer.write_record(writer.create_warc_record('https://example.com/', 'request', payload=io.BytesIO(b''), http_headers=request))
    headers = StatusAndHeaders('200 OK', [('Content-Type', 'text/html; charset=utf-8'), ('Content-Length', str(len(page)))], protocol='HTTP/1.1')
    first = writer.create_warc_record('https://example.com/', 'response', payload=io.BytesIO(page), http_headers=headers)
    writer.write_record(first)
    body = gzip.compress(page, mtime=0)
    headers = StatusAndHeaders('200 OK', [('Content-Type', 'text/html; charset=windows-1258'), ('Content-Encoding', 'gzip'),
                                          ('Transfer-Encoding', 'chunked')], protocol='HTTP/1.1')
    writer.write_record(writer.create_warc_record('https://example.com/gz', 'response', payload=io.BytesIO(chunked(body)), http_headers=headers))
    headers = StatusAndHeaders('301 Moved Permanently', [('Location', 'https://example.com/'), ('Content-Length', '0')], protocol='HTTP/1.1')
    writer.write_record(writer.create_warc_record('http://example.com/', 'response', payload=io.BytesIO(b''), http_headers=headers))
    headers = StatusAndHeaders('200 OK', [('Content-Type', 'text/html; charset=utf-8'), ('Content-Length', str(len(page)))], protocol='HTTP/1.1')
    writer.write_record(writer.create_revisit_record('https://example.com/', first.rec_headers.get_header('WARC-Payload-Digest'),
                                                     'https://example.com/', first.rec_headers.get_header('WARC-Date'), http_headers=headers))
    writer.write_record(writer.create_warc_record('https://example.com/robots.txt', 'resource', payload=io.BytesIO(b'User-agent: *\nDisallow:\n'),
                                                  warc_content_type='text/plain'))

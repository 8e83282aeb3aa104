// A real Bluesky PDS for Postwerk's tests: @atproto/pds 0.4.x with an in-memory PLC directory
// (@did-plc/server's Database.mock()) in ONE Node process, both bound to 127.0.0.1.
//
// Started by tests/pds_support.py with these environment variables:
//   PW_PDS_PORT, PW_PLC_PORT   free ports chosen by the caller
//   PW_PDS_DATA                an EMPTY folder (the PLC forgets every DID on restart, so the
//                              PDS's account database must start empty too)
//   PW_PDS_RATE_LIMITS         "true" turns the PDS's own rate limits on (login: 30 / 5 min)
// Prints one JSON line {"ready": true, "pds": URL, "plc": URL} on stdout when both listen,
// and stops cleanly on SIGTERM / SIGINT or when stdin closes (the parent died).
'use strict'

const crypto = require('node:crypto')
const dns = require('node:dns')
const http = require('node:http')
const path = require('node:path')

const { PDS, envToCfg, envToSecrets, readEnv } = require('@atproto/pds')
const plc = require('@did-plc/server')

// The PDS must reach the PLC as http://localhost:PORT (it refuses an IP there), and the PLC
// listens on 127.0.0.1 only: resolve localhost to the IPv4 loopback first.
dns.setDefaultResultOrder('ipv4first')

// Express's app.listen binds every interface; a test server must not be reachable from outside.
function bindLoopback (app) {
  app.listen = function listenOnLoopback (port) {
    return http.createServer(app).listen(port, '127.0.0.1')
  }
}

function required (name) {
  const value = process.env[name]
  if (!value) {
    console.error(`test PDS: ${name} is not set (tests/pds_support.py sets it)`)
    process.exit(2)
  }
  return value
}

function pdsEnvironment (pdsPort, plcPort, dataDir) {
  return {
    PDS_PORT: String(pdsPort),
    PDS_HOSTNAME: 'localhost',
    PDS_DEV_MODE: 'true',
    PDS_INVITE_REQUIRED: 'false',
    PDS_DID_PLC_URL: `http://localhost:${plcPort}`,
    PDS_DATA_DIRECTORY: dataDir,
    PDS_BLOBSTORE_DISK_LOCATION: path.join(dataDir, 'blobs'),
    PDS_JWT_SECRET: crypto.randomBytes(32).toString('hex'),
    PDS_ADMIN_PASSWORD: crypto.randomBytes(16).toString('hex'),
    PDS_PLC_ROTATION_KEY_K256_PRIVATE_KEY_HEX: crypto.randomBytes(32).toString('hex'),
    PDS_RATE_LIMITS_ENABLED: process.env.PW_PDS_RATE_LIMITS === 'true' ? 'true' : 'false',
    // No app view, no moderation service and no crawlers: nothing leaves this machine.
    PDS_CRAWLERS: '',
    LOG_ENABLED: process.env.PW_PDS_LOG === 'true' ? 'true' : 'false'
  }
}

async function main () {
  const pdsPort = Number(required('PW_PDS_PORT'))
  const plcPort = Number(required('PW_PLC_PORT'))
  const dataDir = required('PW_PDS_DATA')

  const plcServer = plc.PlcServer.create({ db: plc.Database.mock(), port: plcPort })
  bindLoopback(plcServer.app)
  await plcServer.start()

  Object.assign(process.env, pdsEnvironment(pdsPort, plcPort, dataDir))
  const env = readEnv()
  const pds = await PDS.create(envToCfg(env), envToSecrets(env))
  bindLoopback(pds.app)
  await pds.start()

  let stopping = false
  const stop = async () => {
    if (stopping) return
    stopping = true
    await pds.destroy().catch(() => {})
    await plcServer.destroy().catch(() => {})
    process.exit(0)
  }
  process.on('SIGTERM', stop)
  process.on('SIGINT', stop)
  process.stdin.on('end', stop)
  process.stdin.resume()

  process.stdout.write(JSON.stringify({
    ready: true,
    pds: `http://localhost:${pdsPort}`,
    plc: `http://localhost:${plcPort}`
  }) + '\n')
}

main().catch((err) => {
  console.error(`test PDS failed to start: ${err && err.stack ? err.stack : err}`)
  process.exit(1)
})

// fields: reading and writing named table fields (records) in hot loops
func makeParticles(n) {
    ps := {}
    for i := 1; i <= n; i++ {
        ps[i] = {x: i, y: i * 2, vx: i % 5 - 2, vy: i % 3 - 1, hits: 0, alive: true}
    }
    return ps
}

func step(ps, n) {
    for i := 1; i <= n; i++ {
        p := ps[i]
        p.x = p.x + p.vx
        p.y = p.y + p.vy
        if p.x < 0 || p.x > 1000 {
            p.vx = -p.vx
            p.hits = p.hits + 1
        }
        if p.y < 0 || p.y > 1000 {
            p.vy = -p.vy
            p.hits = p.hits + 1
        }
    }
}

func run(rounds) {
    n := 1000
    ps := makeParticles(n)
    for r := 1; r <= rounds; r++ {
        step(ps, n)
    }
    cfg := {width: 0, height: 0, depth: 0, count: 0}
    for r := 1; r <= rounds * 100; r++ {
        cfg.width = cfg.width + 1
        cfg.height = cfg.height + cfg.width % 3
        cfg.depth = cfg.depth + cfg.height % 5
        cfg.count = cfg.count + 1
        if cfg.width > 1000 {
            cfg.width = 0
        }
    }
    sx := 0
    sy := 0
    hits := 0
    for i := 1; i <= n; i++ {
        p := ps[i]
        sx += p.x
        sy += p.y
        hits += p.hits
    }
    return sx, sy, hits, cfg.width + cfg.height + cfg.depth + cfg.count
}

N := tonumber(arg[1]) || 60000
sx, sy, hits, c := run(N)
print("sx=" .. sx .. " sy=" .. sy .. " hits=" .. hits .. " cfg=" .. c)

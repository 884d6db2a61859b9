-- fields: reading and writing named table fields (records) in hot loops
function makeParticles(n)
    local ps = {}
    for i = 1, n do
        ps[i] = {x = i, y = i * 2, vx = i % 5 - 2, vy = i % 3 - 1, hits = 0, alive = true}
    end
    return ps
end

function step(ps, n)
    for i = 1, n do
        local p = ps[i]
        p.x = p.x + p.vx
        p.y = p.y + p.vy
        if p.x < 0 or p.x > 1000 then
            p.vx = -p.vx
            p.hits = p.hits + 1
        end
        if p.y < 0 or p.y > 1000 then
            p.vy = -p.vy
            p.hits = p.hits + 1
        end
    end
end

function run(rounds)
    local n = 1000
    local ps = makeParticles(n)
    for r = 1, rounds do
        step(ps, n)
    end
    local cfg = {width = 0, height = 0, depth = 0, count = 0}
    for r = 1, rounds * 100 do
        cfg.width = cfg.width + 1
        cfg.height = cfg.height + cfg.width % 3
        cfg.depth = cfg.depth + cfg.height % 5
        cfg.count = cfg.count + 1
        if cfg.width > 1000 then
            cfg.width = 0
        end
    end
    local sx = 0
    local sy = 0
    local hits = 0
    for i = 1, n do
        local p = ps[i]
        sx = sx + p.x
        sy = sy + p.y
        hits = hits + p.hits
    end
    return sx, sy, hits, cfg.width + cfg.height + cfg.depth + cfg.count
end

N = tonumber(arg and arg[1]) or 60000
sx, sy, hits, c = run(N)
print("sx=" .. sx .. " sy=" .. sy .. " hits=" .. hits .. " cfg=" .. c)
